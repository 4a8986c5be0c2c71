/**
 * Where P3's time goes, on DuckDB-WASM in Node: the Workbench's save path step by step (load the project to
 * check the save, load it again to build (the same memo the Workbench uses), every node's checksum, the rebuild plan, then the build session of
 * the edited staging model and its downstream with their tests, and the run tables). Prints a breakdown per
 * edit after a full build; not a test. `tsx scripts/bench/profile-rebuild.ts`.
 */
import { resolve } from 'node:path';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { runBuildSession, type BuildState } from '../../src/core/build/build-session.ts';
import { selectableNodes } from '../../src/core/graph/selectable-nodes.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { loadProjectMemo } from '../../src/core/project/load-project-memo.ts';
import type { ProjectFile } from '../../src/core/project/types.ts';
import { planRebuild } from '../../src/core/workbench/plan-rebuild.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const STAGING = 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql';
const engine = new DuckDbEngine(openNodeBindings);
const obtainer = sampleObtainer();
let files: ProjectFile[] = readProjectDir(resolve('.'));
let state: BuildState | undefined;
const first = loadProject({ files });
const full = await runBuildSession({ project: first.project, engine, obtainer, loadedAt: new Date().toISOString() });
state = full.state;
let built = new Map(selectableNodes(first.project).map((node) => [node.uniqueId, node.checksum]));
console.log(`full build: ${full.steps.length} steps`);
for (let edit = 0; edit < 5; edit++) {
  files = files.map((file) =>
    file.path === STAGING ? { ...file, content: `${file.content}\n-- edit ${edit}` } : file,
  );
  const marks: Array<[string, number]> = [];
  let started = performance.now();
  const mark = (label: string) => {
    const now = performance.now();
    marks.push([label, now - started]);
    started = now;
  };
  const total = performance.now();
  loadProjectMemo(files);
  mark('load (check)');
  const { project } = loadProjectMemo(files);
  mark('load (build)');
  const nodes = selectableNodes(project);
  mark('checksums');
  const plan = planRebuild({ nodes, built });
  mark('plan rebuild');
  let firstStep = 0;
  let stepsMs = 0;
  const outcome = await runBuildSession({
    project,
    engine,
    obtainer,
    selected: plan.selected,
    previous: state,
    loadedAt: new Date().toISOString(),
    onEvent: (event) => {
      if (event.type === 'planned') {
        mark('plan + compile');
        firstStep = performance.now();
      }
      if (event.type === 'step' && event.event.index === event.event.total && event.event.phase !== 'started')
        stepsMs = performance.now() - firstStep;
    },
  });
  mark('steps + run tables');
  state = outcome.state;
  if (edit === 4) {
    const byKind = new Map<string, number>();
    for (const [index, result] of outcome.results.entries()) {
      const step = outcome.steps[index];
      const kind = step?.kind === 'model' ? step.label : (step?.kind ?? '?');
      byKind.set(kind, (byKind.get(kind) ?? 0) + result.elapsedMs);
    }
    console.log(`  by kind: ${[...byKind].map(([kind, ms]) => `${kind} ${ms.toFixed(0)} ms`).join(', ')}`);
    const slowest = outcome.results.map((result, index) => [result.elapsedMs, outcome.steps[index]?.name] as const);
    for (const [ms, name] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 8))
      console.log(`  ${ms.toFixed(0).padStart(6)} ms ${name}`);
  }
  built = new Map([
    ...built,
    ...nodes.filter((n) => plan.selected.has(n.uniqueId)).map((n) => [n.uniqueId, n.checksum] as [string, string]),
  ]);
  console.log(
    `edit ${edit}: ${(performance.now() - total).toFixed(0)} ms, ${plan.selected.size} nodes (steps ${stepsMs.toFixed(0)} ms): ${marks.map(([label, ms]) => `${label} ${ms.toFixed(0)}`).join(', ')}`,
  );
}
