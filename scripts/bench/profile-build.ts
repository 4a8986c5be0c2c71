/**
 * Where a full headless build's time goes, phase by phase: loading the project, generating the sample,
 * reading and checking each source (XLSX/CSV parsing, contracts), planning (Jinja), and on DuckDB-WASM in
 * Node each step's statements and its count query, split by kind. Prints a breakdown; not a test.
 * `tsx scripts/bench/profile-build.ts`.
 */
import { tableFromIPC } from 'apache-arrow';
import { resolve } from 'node:path';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { planBuild, type BuildStep } from '../../src/core/plan/build-plan.ts';
import type { SourceNode } from '../../src/core/project/types.ts';
import { readSourceSpec } from '../../src/core/sources/catalogue.ts';
import { planSourceFromFiles } from '../../src/core/sources/plan-source.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const time = async <T>(label: string, task: () => Promise<T> | T): Promise<T> => {
  const started = performance.now();
  const result = await task();
  console.log(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(7)} ms`);
  return result;
};

const { project } = await time('load project (YAML, Jinja parse)', () =>
  loadProject({ files: readProjectDir(resolve('.')) }),
);
const obtainer = sampleObtainer();
const sources = [...project.nodes.values()].filter((node): node is SourceNode => node.resourceType === 'source');
let obtainMs = 0;
let readMs = 0;
const sourceSteps: BuildStep[] = [];
for (const source of sources) {
  const { spec } = readSourceSpec(source);
  if (!spec) continue;
  let started = performance.now();
  const files = await Promise.all(spec.files.map((file) => obtainer.obtain({ source, spec, file, refresh: false })));
  obtainMs += performance.now() - started;
  started = performance.now();
  sourceSteps.push(planSourceFromFiles({ source, files, loadedAt: new Date().toISOString() }).step);
  const ms = performance.now() - started;
  readMs += ms;
  console.log(`  read+contract ${source.name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms`);
}
console.log(`${'obtain sample files (generate)'.padEnd(44)} ${obtainMs.toFixed(0).padStart(7)} ms`);
console.log(`${'read sources (XLSX/CSV, contracts, CSV out)'.padEnd(44)} ${readMs.toFixed(0).padStart(7)} ms`);
const plan = await time('plan (compile every node)', () => planBuild({ project, sourceSteps }));
const bindings = await time('open DuckDB-WASM', () => openNodeBindings());
const connection = bindings.connect();
const byKind = new Map<string, { statements: number; count: number; n: number }>();
const slowest: Array<[number, string]> = [];
const connectionId = connection.useUnsafe((_, id) => id);
const setUp = new Set<string>();
const started = performance.now();
for (const step of plan.steps) {
  if (step.error) continue;
  for (const file of step.files ?? []) bindings.registerFileText(file.name, file.text);
  let t = performance.now();
  // As the engine runs a step: distinct setup statements once per build, the statements, the count if any.
  for (const statement of (step.setupSql ?? []).filter((sql) => !setUp.has(sql))) {
    bindings.runQuery(connectionId, statement);
    setUp.add(statement);
  }
  let last: Uint8Array | undefined;
  for (const statement of step.statements) last = bindings.runQuery(connectionId, statement);
  const statementsMs = performance.now() - t;
  t = performance.now();
  const countIpc = step.countSql ? bindings.runQuery(connectionId, step.countSql) : last;
  const count = countIpc ? Number(tableFromIPC(countIpc).get(0)?.toArray()[0]) : 0;
  const countMs = performance.now() - t;
  for (const file of step.files ?? []) bindings.dropFile(file.name);
  const kind = step.kind === 'model' ? step.label : step.kind;
  const entry = byKind.get(kind) ?? { statements: 0, count: 0, n: 0 };
  entry.statements += statementsMs;
  entry.count += countMs;
  entry.n++;
  byKind.set(kind, entry);
  slowest.push([statementsMs + countMs, `${step.name} (${kind}, ${count} rows; count ${countMs.toFixed(0)} ms)`]);
}
console.log(`${'steps on DuckDB-WASM'.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(7)} ms`);
for (const [kind, entry] of byKind)
  console.log(
    `  ${kind.padEnd(14)} n=${String(entry.n).padStart(4)} statements ${entry.statements.toFixed(0).padStart(6)} ms, counts ${entry.count.toFixed(0).padStart(6)} ms`,
  );
console.log('slowest steps:');
for (const [ms, what] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 15))
  console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${what}`);
