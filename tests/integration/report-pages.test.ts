/**
 * Every report page of the bundled project, against the project built from the bundled sample on real
 * DuckDB-WASM: each page parses without a problem, states its sources, and every query runs — with the page's
 * inputs at the values the page starts on — and every chart or table has rows to show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { runBuildSession, type BuildOutcome } from '../../src/core/build/build-session.ts';
import { RUN_TABLES } from '../../src/core/build/run-tables.ts';
import { loadProject } from '../../src/core/load-project.ts';
import type { InputValue } from '../../src/core/report/bind-inputs.ts';
import { parseReport, type ComponentBlock, type ReportDocument } from '../../src/core/report/parse-report.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { decodeResult, type DecodedResult } from '../../src/engine/decode-result.ts';

// The component registry is built from the Svelte components (browser code); tags are checked against it in
// the e2e walk of every page. Here only the input components' names are needed.
const INPUTS = new Set(['Dropdown', 'ButtonGroup', 'TextInput', 'Slider']);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../reports', import.meta.url));
const pages: ReportDocument[] = readdirSync(REPORTS)
  .filter((name) => name.endsWith('.md'))
  .map((name) => parseReport({ path: `reports/${name}`, source: readFileSync(`${REPORTS}/${name}`, 'utf8') }));

/** Queries whose emptiness is good news on a clean build: nothing failed, nothing drifted. */
const MAY_BE_EMPTY = new Set([
  'reports/data-quality.md#tests_needing_attention',
  'reports/data-quality.md#contract_warnings',
  // One build is one load: the baseline, with no change to show until a second load.
  'reports/school-changes.md#changes',
]);

const engine = new DuckDbEngine(openNodeBindings);
let build: BuildOutcome;

beforeAll(async () => {
  const { project, errors } = loadProject({ files: readProjectDir(ROOT) });
  expect(errors).toEqual([]);
  build = await runBuildSession({ project, engine, obtainer: sampleObtainer(), loadedAt: '2026-01-01T00:00:00Z' });
  expect(build.errors).toEqual([]);
}, 180_000);

const run = async (sql: string, params: InputValue[] = []): Promise<DecodedResult> =>
  decodeResult((await (params.length > 0 ? engine.query(sql, params) : engine.query(sql))).ipc);

/** The value each input starts on, as the page picks it: its default, else its first choice. */
async function startingValues(page: ReportDocument): Promise<Map<string, InputValue>> {
  const values = new Map<string, InputValue>();
  for (const block of page.blocks) {
    if (block.kind !== 'component' || !INPUTS.has(block.name)) continue;
    const text = (name: string) => {
      const prop = block.props[name];
      return prop?.kind === 'string' ? prop.value : undefined;
    };
    const name = text('name');
    const data = block.props.data;
    if (!name) continue;
    if (data?.kind === 'query') {
      const query = page.queries.find((q) => q.name === data.name);
      const result = await run(query?.bound.sql ?? '');
      const column = text('value') ?? result.columns[0]?.name ?? '';
      values.set(name, (text('defaultValue') ?? result.rows[0]?.[column] ?? null) as InputValue);
    } else if (text('defaultValue') !== undefined) values.set(name, text('defaultValue') ?? null);
  }
  return values;
}

describe('the report pages', () => {
  it('include the landing page and every fact page of the original', () => {
    expect(pages.map((page) => page.path).sort()).toEqual(
      [
        'apprenticeships',
        'attendance',
        'class-sizes',
        'composite-classes',
        'data-quality',
        'enrolments',
        'funding-model',
        'funding',
        'index',
        'metrics',
        'school-changes',
        'schools',
        'staff-students',
      ].map((name) => `reports/${name}.md`),
    );
  });

  it.each(pages.map((page) => [page.path, page] as const))('%s parses cleanly and states its sources', (_, page) => {
    expect(page.errors).toEqual([]);
    const text = readFileSync(`${ROOT}/${page.path}`, 'utf8');
    expect(text).toMatch(/^Sources?: .*(NSW Department of Education|ACARA)/m);
    expect(text).toMatch(/CC BY/);
  });

  it.each(pages.map((page) => [page.path, page] as const))(
    '%s: every query runs and every chart or table has rows',
    async (_, page) => {
      const inputs = await startingValues(page);
      const shown = new Set(
        page.blocks.flatMap((block) =>
          block.kind === 'component' && !INPUTS.has(block.name) && block.props.data?.kind === 'query'
            ? [block.props.data.name]
            : [],
        ),
      );
      for (const query of page.queries) {
        const params = query.bound.inputs.map((name) => inputs.get(name) ?? null);
        const result = await run(query.bound.sql, params).catch((error: unknown) => {
          throw new Error(`${page.path} query '${query.name}': ${String(error)}`);
        });
        if (shown.has(query.name) && !MAY_BE_EMPTY.has(`${page.path}#${query.name}`))
          expect(result.rows.length, `${page.path} query '${query.name}'`).toBeGreaterThan(0);
      }
    },
  );

  it('the data quality page reads what the build wrote about itself', async () => {
    const tests = [...build.state.results.values()].filter((result) => result.uniqueId.startsWith('test.'));
    const [summary] = (
      await run(`select count(*) as n, count(*) filter (where status = 'pass') as passed from ${RUN_TABLES.tests}`)
    ).rows;
    expect(summary).toEqual({ n: tests.length, passed: tests.filter((t) => t.status === 'pass').length });
    const loads = await run(`select unique_id, rows_loaded, rows_quarantined, warnings from ${RUN_TABLES.sources}`);
    expect(loads.rows).toHaveLength(build.reports.size);
    for (const report of build.reports.values()) {
      expect(loads.rows.find((r) => r.unique_id === report.uniqueId)).toEqual({
        unique_id: report.uniqueId,
        rows_loaded: report.rowsLoaded,
        rows_quarantined: report.rowsQuarantined,
        warnings: report.warnings.length,
      });
    }
    const warnings = await run(`select count(*) as n from ${RUN_TABLES.warnings}`);
    const expected = [...build.reports.values()].reduce((sum, report) => sum + report.warnings.length, 0);
    expect(warnings.rows[0]).toEqual({ n: expected });
  });
});

describe('component blocks on the pages', () => {
  it('use child tags and markdown content', () => {
    const blocks = pages.flatMap((page) => page.blocks.filter((b): b is ComponentBlock => b.kind === 'component'));
    const children = (name: string) => blocks.flatMap((block) => (block.name === name ? [block.children ?? ''] : []));
    expect(children('BarChart').some((text) => text.includes('<ReferenceArea'))).toBe(true);
    expect(children('DataTable').some((text) => text.includes('<Column'))).toBe(true);
    expect(children('Alert').some((text) => text.includes('An average of averages'))).toBe(true);
  });
});
