/**
 * `npm run stack -- export --to DIR` on the bundled project, checked without dbt (which cannot be installed
 * here; `npm run test:dbt` runs real dbt where it can): the files a dbt project needs are there, every
 * source points at an existing Parquet file holding the loaded table's rows, no Jinja or YAML names a
 * macro or test that neither dbt nor the export defines, and this engine loads the exported folder back,
 * builds it from the Parquet files and gets the same row count for every model and the same test results.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXIT } from '../../src/cli/cli-output.ts';
import { parseArgs, UsageError } from '../../src/cli/parse-args.ts';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { runBuildSession } from '../../src/core/build/build-session.ts';
import { EXPORT_MARKER } from '../../src/core/export/dbt-export.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { planBuild, planSourceLoad } from '../../src/core/plan/build-plan.ts';
import { relationOf } from '../../src/core/plan/compile-node.ts';
import type { Project, SourceNode } from '../../src/core/project/types.ts';
import { formatCsv } from '../../src/core/sources/csv.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import type { StepResult } from '../../src/engine/contract.ts';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const LONG = { timeout: 240_000 };
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dbt-export-'));
  folders.push(folder);
  return folder;
}

async function runCli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const output = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
  try {
    const cli = parseArgs(argv, { project: REPOSITORY });
    return { code: await runCommand({ cli, engine: new DuckDbEngine(openNodeBindings), output }), out, err };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: EXIT.unusable, out, err: [...err, error.message] };
  }
}

/** Jinja's built-in and dbt's context functions a project may call without defining them. */
const DBT_FUNCTIONS = new Set(
  (
    'ref source config var doc return env_var log print is_incremental run_query adapter exceptions range ' +
    'zip dict list set_strict fromjson tojson fromyaml toyaml local_md5 modules caller loop super namespace ' +
    'cycler joiner lipsum statement load_result run_started_at invocation_id target this execute graph ' +
    // MetricFlow's filter templates in the semantic layer's YAML.
    'Dimension TimeDimension Entity Metric'
  ).split(' '),
);
/** dbt-core's own generic tests. */
const DBT_TESTS = new Set(['not_null', 'unique', 'accepted_values', 'relationships']);

describe('export --to DIR on the bundled project', () => {
  let folder: string;
  let project: Project;

  beforeAll(async () => {
    folder = join(temporaryFolder(), 'nsw_schools');
    const run = await runCli(['export', '--to', folder]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(EXIT.ok);
    project = loadProject({ files: readProjectDir(REPOSITORY) }).project;
  }, LONG.timeout);

  it('writes the files a dbt project needs', () => {
    for (const path of [
      'dbt_project.yml',
      'profiles.yml',
      'README.md',
      EXPORT_MARKER,
      'models/staging/_sources.yml',
      'models/marts/_marts.yml',
      'models/marts/_docs_schools.md',
      'models/metrics/_metrics.yml',
      'models/marts/dim__school.sql',
      'macros/fact_grain_key.sql',
      'tests/dbt/assert_school_codes_below_9000.sql',
      'tests/dbt/generic/grain.sql',
      'tests/dbt/generic/accepted_range.sql',
    ])
      expect(existsSync(join(folder, path)), path).toBe(true);
    const settings = parse(readFileSync(join(folder, 'dbt_project.yml'), 'utf8')) as Record<string, unknown>;
    expect(settings.profile).toBe('nsw_schools');
    expect(settings['macro-paths']).toEqual(['macros']);
    const profiles = readFileSync(join(folder, 'profiles.yml'), 'utf8');
    expect(parse(profiles)).toMatchObject({ nsw_schools: { target: 'local', outputs: { local: { type: 'duckdb' } } } });
    expect(profiles).toMatch(/^\s*#\s*path: "md:nsw_schools"/m);
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(readme).toContain('dbt build');
    expect(readme).toContain('MotherDuck');
    // The model files are the project's, byte for byte.
    expect(readFileSync(join(folder, 'models/marts/dim__school.sql'), 'utf8')).toBe(
      readFileSync(join(REPOSITORY, 'models/marts/dim__school.sql'), 'utf8'),
    );
  });

  it('points every source at an existing Parquet file holding the loaded table', LONG, async () => {
    const engine = new DuckDbEngine(openNodeBindings);
    await runBuildSession({
      project,
      engine,
      obtainer: sampleObtainer(),
      selected: new Set(sources(project).map((s) => s.uniqueId)),
      loadedAt: '2026-01-01T00:00:00Z',
    });
    const yaml = parse(readFileSync(join(folder, 'models/staging/_sources.yml'), 'utf8')) as {
      sources: { name: string; tables: { name: string; meta?: { external_location?: string } }[] }[];
    };
    const declared = yaml.sources.flatMap((s) => s.tables.map((t) => ({ source: s.name, ...t })));
    expect(declared.length).toBe(sources(project).length);
    for (const table of declared) {
      const location = table.meta?.external_location;
      expect(location, `${table.source}.${table.name}`).toMatch(/^data\/.+\.parquet$/);
      const rows = await readParquetRows(join(folder, location as string));
      const source = sources(project).find((s) => s.sourceName === table.source && s.name === table.name);
      expect(rows.length, location).toBe(await count(engine, relationOf(source as SourceNode) as string));
      expect(rows.length, location).toBeGreaterThan(0);
    }
  });

  it('names no macro or test that neither dbt nor the export defines', () => {
    const files = readProjectDir(folder);
    const defined = new Set(
      files.flatMap((file) => [...file.content.matchAll(/\{%-?\s*(?:macro|test)\s+(\w+)\s*\(/g)].map((m) => m[1])),
    );
    expect(defined).toContain('grain');
    const unknown = new Set<string>();
    for (const file of files.filter((f) => f.path.endsWith('.sql') || /\.ya?ml$/.test(f.path)))
      for (const region of file.content.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)) {
        const text = region[0].replace(/'[^']*'|"[^"]*"/g, "''");
        if (/^\{%-?\s*(macro|test)\s/.test(text)) continue;
        for (const call of text.matchAll(/(?<![.\w|]\s*)\b([A-Za-z_]\w*)\s*\(/g)) {
          const name = call[1] as string;
          if (!DBT_FUNCTIONS.has(name) && !defined.has(name)) unknown.add(`${file.path}: ${name}(`);
        }
      }
    for (const file of files.filter((f) => /\.ya?ml$/.test(f.path)))
      for (const name of yamlTestNames(parse(file.content)))
        if (!DBT_TESTS.has(name) && !defined.has(name)) unknown.add(`${file.path}: test ${name}`);
    expect([...unknown]).toEqual([]);
  });

  it(
    'loads back into this engine and builds from the Parquet files with the same rows and test results',
    LONG,
    async () => {
      const original = new DuckDbEngine(openNodeBindings);
      const ours = await runBuildSession({
        project,
        engine: original,
        obtainer: sampleObtainer(),
        loadedAt: '2026-01-01T00:00:00Z',
      });
      expect(ours.errors).toEqual([]);

      const loaded = loadProject({ files: readProjectDir(folder) });
      expect(loaded.errors).toEqual([]);
      const exported = loaded.project;
      const sourceSteps = await Promise.all(
        sources(exported).map(async (source) => {
          const location = (source.meta as { external_location: string }).external_location;
          const rows = await readParquetRows(join(folder, location));
          const columns = Object.keys(rows[0] ?? {}).filter((name) => name !== '_load_timestamp');
          const csv = formatCsv([columns, ...rows.map((row) => columns.map((c) => textOf(row[c])))]);
          return planSourceLoad({ source, csv, loadedAt: '2026-01-01T00:00:00Z' });
        }),
      );
      const plan = planBuild({ project: exported, sourceSteps });
      expect(plan.errors).toEqual([]);
      const back = new DuckDbEngine(openNodeBindings);
      const results = await back.build(plan.steps);
      const failed = results.filter((r) => r.status === 'error').map((r) => `${r.uniqueId}: ${r.error?.message}`);
      expect(failed).toEqual([]);

      const models = [...project.nodes.values()].filter((n) => n.resourceType === 'model' && relationOf(n));
      expect(models.length).toBeGreaterThan(20);
      for (const model of models) {
        const relation = relationOf(model) as string;
        expect(await count(back, relation), model.name).toBe(await count(original, relation));
      }
      // Test names differ where the export unqualified a package test (dbt_utils_expression_is_true_… is
      // expression_is_true_… there, with another hash), so compare how many tests ended in each status.
      const statusOf = (list: readonly StepResult[]) => {
        const tally: Record<string, number> = {};
        for (const r of list.filter((r) => r.uniqueId.startsWith('test.')))
          tally[r.status] = (tally[r.status] ?? 0) + 1;
        return tally;
      };
      expect(statusOf(results).pass).toBeGreaterThan(100);
      expect(statusOf(results)).toEqual(statusOf(ours.results));
    },
  );
});

describe('export refuses bad input', () => {
  it('needs --to', async () => {
    const run = await runCli(['export']);
    expect(run.code).toBe(EXIT.unusable);
    expect(run.err.join('\n')).toMatch(/export needs --to DIR/);
  });

  it('refuses a non-empty folder that is not an earlier export, naming it, unless --force', async () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    const run = await runCli(['export', '--to', folder]);
    expect(run.code).toBe(EXIT.unusable);
    expect(run.err.join('\n')).toContain(`Refusing to export into ${folder}`);
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('replaces an earlier export, removing the files it wrote', LONG, async () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, 'models'), { recursive: true });
    writeFileSync(join(folder, 'models', 'stale.sql'), 'select 1');
    writeFileSync(join(folder, EXPORT_MARKER), JSON.stringify({ files: ['models/stale.sql', '../outside.txt'] }));
    const run = await runCli(['export', '--to', folder]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(EXIT.ok);
    expect(existsSync(join(folder, 'models', 'stale.sql'))).toBe(false);
    expect(existsSync(join(folder, 'dbt_project.yml'))).toBe(true);
  });
});

function sources(project: Project): SourceNode[] {
  return [...project.nodes.values()].filter((node): node is SourceNode => node.resourceType === 'source');
}

async function readParquetRows(path: string): Promise<Record<string, unknown>[]> {
  const bytes = readFileSync(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return (await parquetReadObjects({ file })) as Record<string, unknown>[];
}

function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

async function count(engine: DuckDbEngine, relation: string): Promise<number> {
  const { ipc } = await engine.query(`select count(*)::integer as n from ${relation}`);
  return Number(decodeResult(ipc).rows[0]?.n);
}

/** Every generic test name a dbt YAML file declares (on models, seeds, sources, their tables and columns). */
function yamlTestNames(document: unknown): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'data_tests' || key === 'tests') && Array.isArray(inner))
        for (const test of inner) {
          if (typeof test === 'string') names.push(test);
          else if (test && typeof test === 'object') {
            const entry = test as Record<string, unknown>;
            names.push(typeof entry.test_name === 'string' ? entry.test_name : (Object.keys(entry)[0] as string));
          }
        }
      else visit(inner);
    }
  };
  visit(document);
  return names;
}
