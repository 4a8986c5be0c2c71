import { ancestorsOf } from '../graph/select-nodes.ts';
import { planBuild, planSourceLoad, type BuildStep, type SnapshotRun } from '../plan/build-plan.ts';
import type { BuildEvent, EngineInfo, StepResult } from '../plan/step-result.ts';
import type { ModelNode, Project, SourceNode } from '../project/types.ts';
import { readSourceSpec } from '../sources/catalogue.ts';
import { planSourceFromFiles, type PlannedSource } from '../sources/plan-source.ts';
import { emptyLoadReport, type LoadReport } from '../sources/prepare-source.ts';
import { messageOf } from '../text/message-of.ts';
import type { SnapshotStore } from '../snapshots/snapshot-store.ts';
import { RUN_TABLES, runTablesSql } from './run-tables.ts';
import type { ObtainedSourceFile, SourceObtainer } from './source-obtainer.ts';

/** What the session needs of an engine: the `Engine` contract of src/engine satisfies it. */
export interface BuildEngine {
  /** Start the database (once). */
  open(): Promise<EngineInfo>;
  /** Run steps in order, skipping what a failure upstream makes pointless. */
  build(steps: BuildStep[], onEvent?: (event: BuildEvent) => void): Promise<StepResult[]>;
  /** Run one statement (the run tables are written with it). */
  query(sql: string): Promise<unknown>;
}

/** What a build session reports while it runs, in order. */
export type SessionEvent =
  | { type: 'source-started'; source: SourceNode }
  | { type: 'source-planned'; source: SourceNode; report: LoadReport; files: readonly ObtainedSourceFile[] }
  | { type: 'planned'; steps: readonly BuildStep[]; info: EngineInfo }
  | { type: 'step'; step: BuildStep; event: BuildEvent };

/** What a build knows after it: every step planned so far and the latest result of each. */
export interface BuildState {
  /** Steps in build order, the latest plan of each node. */
  steps: readonly BuildStep[];
  /** The latest result of each node, by unique id. */
  results: ReadonlyMap<string, StepResult>;
  /** The latest load report of each source, by unique id. */
  reports: ReadonlyMap<string, LoadReport>;
}

/** One build's outcome. */
export interface BuildOutcome {
  /** The steps this build ran, in order. */
  steps: BuildStep[];
  /** Their results, in order. */
  results: StepResult[];
  /** The load report of each source this build loaded. */
  reports: Map<string, LoadReport>;
  /** Nodes that could not be planned (a Jinja error, a cycle): nothing ran when there are any. */
  errors: string[];
  /** Things that went wrong after the build, which leave it standing (the run tables could not be written). */
  warnings?: string[] | undefined;
  /** The state after this build: `previous` with this build's steps, results and reports laid over it. */
  state: BuildState;
  /** The engine that ran it. */
  info?: EngineInfo | undefined;
}

/**
 * The one build path of the app and the CLI: obtain each source's files → read them through their
 * contracts → plan the selected nodes → run them on the engine, reporting progress as events. A full build
 * and an incremental rebuild (`selected` = what changed and its downstream, `previous` = the last build)
 * are the same call.
 */
export async function runBuildSession(options: {
  project: Project;
  engine: BuildEngine;
  obtainer: SourceObtainer;
  /** Nodes to build; all when undefined. */
  selected?: ReadonlySet<string> | undefined;
  /**
   * Also build, first, the sources, seeds and models the selection reads (a fresh in-memory database, as in
   * the CLI). Without it, the selection reads what `previous` built.
   */
  withUpstream?: boolean | undefined;
  /** Sources to (re)load; default: every source in the selection. */
  sources?: readonly SourceNode[] | undefined;
  /** Fetch the sources afresh rather than from a cache. */
  refresh?: boolean | undefined;
  /** The last build's state, which this build's results are laid over. */
  previous?: BuildState | undefined;
  /** When the sources are loaded, for the raw tables' audit column; also the time of any snapshot taken. */
  loadedAt: string;
  /** Where snapshot tables are kept between runs; without it a snapshot's history lasts as long as the database. */
  snapshotStore?: SnapshotStore | undefined;
  onEvent?: ((event: SessionEvent) => void) | undefined;
}): Promise<BuildOutcome> {
  const { project, engine, onEvent } = options;
  const selected =
    options.withUpstream && options.selected ? withUpstream(project, options.selected) : options.selected;
  const sources =
    options.sources ??
    [...project.nodes.values()].filter(
      (node): node is SourceNode => node.resourceType === 'source' && (!selected || selected.has(node.uniqueId)),
    );
  const [info, planned, kept] = await Promise.all([
    engine.open(),
    Promise.all(sources.map((source) => obtainSource({ ...options, source }))),
    loadKept(options.snapshotStore),
  ]);
  const reports = new Map(planned.map((p) => [p.report.uniqueId, p.report]));
  const snapshots = {
    at: options.loadedAt,
    ...kept,
    // A snapshot the selection only reads (pulled in as upstream) is restored, not taken, as `dbt run` reads it.
    restoreOnly: new Set([...(selected ?? [])].filter((id) => !(options.selected ?? selected)?.has(id))),
  };
  const plan = planBuild({ project, selected, sourceSteps: planned.map((p) => p.step), snapshots });
  const errors = plan.errors.map((error) => `${error.path}: ${error.message}`);
  const previous = options.previous ?? { steps: [], results: new Map(), reports: new Map() };
  if (errors.length > 0)
    return {
      steps: [],
      results: [],
      reports,
      errors,
      info,
      state: layOver(previous, { steps: [], results: [], reports }),
    };
  onEvent?.({ type: 'planned', steps: plan.steps, info });
  const results = await engine.build(plan.steps, (event) => {
    const step = plan.steps[event.index - 1];
    if (step) onEvent?.({ type: 'step', step, event });
  });
  const outcome = { steps: plan.steps, results, reports };
  const state = layOver(previous, outcome);
  const warnings: string[] = [];
  const taken = plan.steps
    .filter(
      (step, index) =>
        step.kind === 'snapshot' && results[index]?.status === 'success' && !snapshots.restoreOnly.has(step.uniqueId),
    )
    .map((step) => project.nodes.get(step.uniqueId) as ModelNode);
  try {
    if (taken.length > 0) await options.snapshotStore?.save(taken);
  } catch (error) {
    warnings.push(
      `The snapshot history (${taken.map((node) => node.name).join(', ')}) could not be kept: ${messageOf(error)}`,
    );
  }
  try {
    for (const sql of runTablesSql({ project, state, builtAt: options.loadedAt })) await engine.query(sql);
  } catch (error) {
    warnings.push(`The run tables (${Object.values(RUN_TABLES).join(', ')}) could not be written: ${messageOf(error)}`);
  }
  return { ...outcome, errors, warnings, info, state };

  async function obtainSource(request: { source: SourceNode }): Promise<PlannedSource> {
    const { source } = request;
    onEvent?.({ type: 'source-started', source });
    const { spec, problems } = readSourceSpec(source);
    const files = spec
      ? await Promise.all(
          spec.files.map((file) =>
            options.obtainer
              .obtain({ source, spec, file, refresh: options.refresh ?? false })
              .catch((error: unknown): ObtainedSourceFile => ({
                file,
                origin: file.fileName,
                error: messageOf(error),
              })),
          ),
        )
      : [];
    const result = spec
      ? planSourceFromFiles({ source, files, loadedAt: options.loadedAt })
      : invalidEntry(source, problems, options.loadedAt);
    const fetched = files.flatMap((file) => (file.fetchedAt ? [file.fetchedAt] : [])).sort()[0];
    if (fetched) result.report.fetchedAt = fetched;
    onEvent?.({ type: 'source-planned', source, report: result.report, files });
    return result;
  }
}

/** The kept snapshot tables, or why none can be used (every snapshot then errors rather than lose its history). */
async function loadKept(store: SnapshotStore | undefined): Promise<Pick<SnapshotRun, 'stored' | 'unavailable'>> {
  if (!store) return {};
  try {
    return { stored: await store.load() };
  } catch (error) {
    return { unavailable: `The kept snapshot history could not be read: ${messageOf(error)}` };
  }
}

/** The selection plus the sources, seeds and models upstream of it (not their tests). */
function withUpstream(project: Project, selected: ReadonlySet<string>): Set<string> {
  const upstream = [...ancestorsOf([...project.nodes.values()], selected)].filter(
    (id) => project.nodes.get(id)?.resourceType !== 'test',
  );
  return new Set([...selected, ...upstream]);
}

function invalidEntry(source: SourceNode, problems: readonly string[], loadedAt: string): PlannedSource {
  const error = `The catalogue entry for ${source.sourceName}.${source.name} (${source.path}) is invalid: ${problems.join(' ')}`;
  return {
    step: planSourceLoad({ source, loadedAt, error }),
    report: emptyLoadReport({ uniqueId: source.uniqueId, title: source.name, error }),
  };
}

/** `previous` with a build's steps (replacing the same nodes' earlier plans, keeping order), results and reports. */
function layOver(
  previous: BuildState,
  build: { steps: readonly BuildStep[]; results: readonly StepResult[]; reports: ReadonlyMap<string, LoadReport> },
): BuildState {
  const steps = new Map(previous.steps.map((step) => [step.uniqueId, step]));
  for (const step of build.steps) steps.set(step.uniqueId, step);
  const results = new Map(previous.results);
  for (const result of build.results) results.set(result.uniqueId, result);
  return { steps: [...steps.values()], results, reports: new Map([...previous.reports, ...build.reports]) };
}
