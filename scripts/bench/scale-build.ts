/**
 * P4: the whole headless build (the CLI's own `runCommand` over DuckDB-WASM in Node) on the sample and on the
 * sample `scale` times bigger (src/sample/scale-sample.ts), each on a fresh engine. The sample files are
 * generated before the clock starts; reading them, the contracts, every model and test are timed. The scaled
 * sample's school codes run past the real range, so the project is built from a copy that says the same of a
 * copy's code as of its original's: the source contracts' code bounds are widened, and the singular test
 * that codes stay below 9000 checks the last four digits (a copy's original code). Nothing else changes: the
 * models and every other test are the project's own.
 */
import { tableFromIPC } from 'apache-arrow';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from '../../src/cli/parse-args.ts';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { loadProject } from '../../src/core/load-project.ts';
import type { SourceNode } from '../../src/core/project/types.ts';
import { readSourceSpec } from '../../src/core/sources/catalogue.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

/** One scaled build's figures. */
export interface ScaledBuild {
  /** How many times the sample's schools. */
  scale: number;
  /** Wall time of the build command (engine start and sample generation excluded). */
  ms: number;
  /** The command's exit code (0: every model and test passed). */
  exitCode: number;
  /** Rows in the master dataset's raw table, and in the biggest fact table, as built. */
  rows: { schools: number; enrolmentFacts: number };
  /** Peak resident memory of this process while it built, MB (Node's own heap and DuckDB-WASM's memory). */
  peakRssMb: number;
  /** The first five failures the command printed (ERROR and FAIL lines, errors, out-of-memory messages). */
  errors: string[];
}

/** Build the project on the sample `scale` times bigger; see the file's comment. */
export async function buildScaled(scale: number): Promise<ScaledBuild> {
  const project = widenedProjectCopy();
  const obtainer = sampleObtainer({ scale });
  const { project: loaded } = loadProject({ files: readProjectDir(project) });
  for (const node of loaded.nodes.values()) {
    if (node.resourceType !== 'source') continue;
    const { spec } = readSourceSpec(node as SourceNode);
    for (const file of spec?.files ?? [])
      await obtainer.obtain({ source: node as SourceNode, spec: spec!, file, refresh: false });
  }
  const engine = new DuckDbEngine(openNodeBindings);
  await engine.open();
  const errors: string[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const exitCode = await runCommand({
    cli: parseArgs(['build', '--target', mkdtempSync(join(tmpdir(), 'bench-scale-target-'))], { project }),
    engine,
    obtainer,
    output: {
      out: (line) => void (/ (ERROR|FAIL) /.test(line) && errors.length < 5 && errors.push(line)),
      err: (line) => void (errors.length < 5 && errors.push(line)),
    },
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    scale,
    ms,
    exitCode,
    rows: {
      schools: await countRows(engine, 'main.raw__nsw_doe_datansw__master_dataset'),
      enrolmentFacts: await countRows(engine, 'main.fct__enrolment'),
    },
    peakRssMb: peak / 2 ** 20,
    errors,
  };
}

/** Rows in a relation the build made; 0 when it was not built. */
async function countRows(engine: DuckDbEngine, relation: string): Promise<number> {
  try {
    return Number(
      tableFromIPC((await engine.query(`select count(*) from ${relation}`)).ipc)
        .get(0)
        ?.toArray()[0] ?? 0,
    );
  } catch {
    return 0;
  }
}

/** A copy of this project in a temporary folder, its school-code bounds taking the copies' codes (see above). */
function widenedProjectCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'bench-scale-project-'));
  for (const file of readProjectDir(resolve('.'))) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    const content = file.path.endsWith('_sources.yml')
      ? file.content.replace(/(name: school.?code,[^\n]*max: )999[89]\b/gi, '$1999999')
      : file.path.endsWith('assert_school_codes_below_9000.sql')
        ? file.content.replace('where school_code >= 9000', 'where school_code % 10000 >= 9000')
        : file.content;
    writeFileSync(path, content);
  }
  return folder;
}
