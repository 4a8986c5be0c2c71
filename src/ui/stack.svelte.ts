import { runBuildSession, type BuildState, type SessionEvent } from '../core/build/build-session.ts';
import type { SourceObtainer } from '../core/build/source-obtainer.ts';
import type { SnapshotManifest } from '../core/sources/snapshot-manifest.ts';
import type { LoadReport } from '../core/sources/prepare-source.ts';
import { selectableNodes } from '../core/graph/selectable-nodes.ts';
import { descendantsOf } from '../core/graph/select-nodes.ts';
import type { BuildStep } from '../core/plan/build-plan.ts';
import { formatStepLine } from '../core/plan/format-step-line.ts';
import { formatProjectError } from '../core/project/format-error.ts';
import { loadProject, type LoadedProject } from '../core/load-project.ts';
import { loadProjectMemo } from '../core/project/load-project-memo.ts';
import type { ProjectError, ProjectFile, SourceNode } from '../core/project/types.ts';
import { messageOf } from '../core/text/message-of.ts';
import { nodeStatus, planRebuild, type NodeStatus } from '../core/workbench/plan-rebuild.ts';
import { withSharedEdits } from '../core/report/shared-edits.ts';
import type { StepResult } from '../engine/contract.ts';
import { projectDataKey, snapshotDataKey } from '../core/results/results-key.ts';
import { getEngine, onEngineRestart } from './engine.ts';
import { bundledSampleKey } from './results/precomputed-results.ts';
import { withEntries } from './with-entries.ts';
import { currentBundle, currentProject } from './current-project.ts';
import { DEFAULT_PROJECT_ID } from './projects.ts';
import { browserSnapshotStore } from './snapshots/kept-snapshots.ts';
import { indexedDbEditStore } from './workbench/edit-store.ts';
import { SCRATCH, Workspace } from './workbench/workspace.svelte.ts';
import { settings } from './settings.svelte.ts';
import {
  bundledObtainer,
  bundledSnapshot,
  liveObtainer,
  pickedObtainer,
  type DownloadProgress,
} from './sources/obtain-files.ts';

/** Where the page is: `loading` until the project is built, `built` (even with failing nodes), or `error`. */
export type StackPhase = 'loading' | 'built' | 'error';

/** How a source's data was had, as its card shows it. */
export interface SourceStatus {
  /** fetching → loaded or error. */
  state: 'fetching' | 'loaded' | 'error';
  /** The bundled sample, the portal, or a file loaded by hand. */
  origin: 'sample' | 'live' | 'file';
  /** Download progress while fetching. */
  progress?: DownloadProgress | undefined;
  /** When the data was fetched (oldest file), ISO 8601. */
  fetchedAt?: string | undefined;
  /** Plain-words notes (moved URL, proxy, cache). */
  notes: string[];
}

/** Where a build is: `n` of `total` steps finished, and the node running now. */
export interface BuildProgress {
  /** Steps finished. */
  done: number;
  /** Steps planned. */
  total: number;
  /** The node running now, by name. */
  current?: string | undefined;
}

/** What the last save or build asked for and what came of it, in a sentence. */
export interface BuildNotice {
  /** `info` for a plan or an outcome, `error` when nothing could be built. */
  tone: 'info' | 'error';
  /** The sentence. */
  text: string;
}

/** The database stopped and was started again: why, and whether the rebuild after it has finished. */
export interface EngineRestart {
  /** Why it stopped, in the engine's words. */
  reason: string;
  /** `rebuilding` until the sources are loaded and the project built again, then `rebuilt` or `failed`. */
  state: 'rebuilding' | 'rebuilt' | 'failed';
  /** Why the rebuild failed. */
  error?: string | undefined;
}

/** Whether a workspace file is part of the dbt project (not a report, not the scratch query). */
const isProjectFile = (file: ProjectFile) => !file.path.startsWith('reports/') && file.path !== SCRATCH;

/** The stack as the UI shows it: sources, what was built, and what went wrong. */
class Stack {
  /** The project's files as the user has them (bundled, with saved and unsaved edits), kept in the browser. */
  readonly workspace = new Workspace({
    bundled: currentBundle,
    // Each project keeps its edits in a database of its own; the NSW project's is the one it always had.
    store: indexedDbEditStore({
      namespace: currentProject.id === DEFAULT_PROJECT_ID ? undefined : currentProject.id,
    }),
  });
  /** loading → built, or error when nothing could be built. */
  phase = $state<StackPhase>('loading');
  /** What is happening now, for the loading screen. */
  activity = $state('Starting the database…');
  /** Why nothing could be built. */
  error = $state<string | undefined>(undefined);
  /** The project as loaded. */
  loaded = $state.raw<LoadedProject | undefined>(undefined);
  /** Every step built so far, in order. */
  steps = $state.raw<BuildStep[]>([]);
  /** The latest result of every step, by unique id. */
  results = $state.raw<Map<string, StepResult>>(new Map());
  /** What loading each source did, by unique id. */
  reports = $state.raw<Map<string, LoadReport>>(new Map());
  /** How each source's data was had, by unique id. */
  sources = $state.raw<Map<string, SourceStatus>>(new Map());
  /** Bumped after every (re)build, so reports query fresh models. */
  buildVersion = $state(0);
  /** The deployment's snapshot of the real data, when it shipped one (used instead of the sample). */
  snapshot = $state.raw<SnapshotManifest | undefined>(undefined);
  /** Milliseconds from start to the first build. */
  buildMs = $state<number | undefined>(undefined);
  /**
   * Milliseconds the first build's steps took in the database (its compiled SQL: loading the sources' files,
   * every model, test and count), from the plan to the last step's result: `buildMs` without the engine's
   * boot, the project's parsing and the reading of the source files on this thread.
   */
  buildStepsMs = $state<number | undefined>(undefined);
  #stepsStarted = 0;
  #lastStepsMs: number | undefined;
  /** Each node's checksum now (the saved files), by unique id. */
  checksums = $state.raw<ReadonlyMap<string, string>>(new Map());
  /** Each node's checksum when it was last built: `state:modified` compares against these. */
  built = $state.raw<ReadonlyMap<string, string>>(new Map());
  /** Problems that stop the files from loading as a project (the last save's, or the saved edits' at start). */
  projectErrors = $state.raw<ProjectError[]>([]);
  /** The build running now. */
  progress = $state.raw<BuildProgress | undefined>(undefined);
  /** dbt's log lines of the latest build, one per finished node. */
  log = $state.raw<string[]>([]);
  /** What the last save or build did. */
  notice = $state.raw<BuildNotice | undefined>(undefined);
  /** A file (and line) another page asked the Workbench to open (a lineage or report click); it takes it. */
  openRequest = $state.raw<{ path: string; line?: number } | undefined>(undefined);

  /**
   * The key of the project as built now and the data it was built on (`projectDataKey`), under which report
   * results may be reused; set when a build starts, undefined when its data has no stable identity (live
   * data) or the saved files were not what was built.
   */
  resultsKey = $state<string | undefined>(undefined);
  /** `resultsKey` of the last build that finished: the database's tables are exactly that state. */
  builtKey = $state<string | undefined>(undefined);

  /**
   * Called (by the page) once the results key is known and before the project is parsed and built, to draw
   * the first report from early results and let the browser paint it; the build starts when it resolves.
   */
  beforeBuild: ((key: string) => Promise<void>) | undefined;

  /** The last time the database stopped and was started again (cleared when dismissed). */
  restart = $state.raw<EngineRestart | undefined>(undefined);

  #started: Promise<void> | undefined;
  /** A source was loaded from a file the user picked: the data is no longer the bundled one. */
  #pickedData = false;
  /** The saved edits did not load, so the bundled project was built instead of the saved files. */
  #fellBack = false;
  #state: BuildState | undefined;

  constructor() {
    onEngineRestart((reason) => void this.#restarted(reason));
  }

  /** A node's status dot: not built, ok, warn, error, skipped, or stale (edited since it was built). */
  statusOf(nodeId: string): NodeStatus {
    const node = this.loaded?.project.nodes.get(nodeId);
    return nodeStatus({
      checksum: this.checksums.get(nodeId) ?? '',
      builtChecksum: this.built.get(nodeId),
      result: this.results.get(nodeId),
      unsaved: node ? this.workspace.isUnsaved(node.path) : false,
    });
  }
  #downloads = new AbortController();
  #queue: Promise<unknown> = Promise.resolve();

  /** Nodes that errored, were skipped, or (tests) failed, for the problems banner. */
  get problems(): StepResult[] {
    return [...this.results.values()].filter(
      (r) => r.status === 'error' || r.status === 'skipped' || r.status === 'fail',
    );
  }

  /** Load every source (sample or live, as set) and build the project, once. */
  start(): Promise<void> {
    this.#started ??= this.#run();
    return this.#started;
  }

  /** Stop the query or build step running in the database now (a build skips the rest); whether one was. */
  cancelRunning(): Promise<boolean> {
    return getEngine().cancel();
  }

  /** Stop downloads in progress; their sources end with a "cancelled" error. */
  cancelDownloads(): void {
    this.#downloads.abort();
    this.#downloads = new AbortController();
  }

  /** Load one source again — downloaded afresh, or from a file the user picked — and rebuild what reads it. */
  async reloadSource(options: { uniqueId: string; picked?: File | undefined }): Promise<void> {
    const project = this.loaded?.project;
    const source = project?.nodes.get(options.uniqueId);
    if (!project || source?.resourceType !== 'source') return;
    const obtainer = options.picked ? pickedObtainer({ picked: options.picked, others: this.#obtainer() }) : undefined;
    if (options.picked) this.#pickedData = true;
    await this.#serially(() =>
      this.#build({
        sources: [source],
        selected: descendantsOf([...project.nodes.values()], [source.uniqueId]),
        obtainer,
        origin: options.picked ? 'file' : undefined,
        trigger: `reload ${source.sourceName}.${source.name}`,
      }),
    );
  }

  /** Load every source again (downloaded afresh in live mode) and rebuild the whole project. */
  async reloadAll(): Promise<void> {
    if (this.loaded) await this.#serially(() => this.#build({ selected: undefined, trigger: 'reload all sources' }));
  }

  /**
   * Save documents (default: every unsaved project file) and build what changed and its downstream. A
   * save that would stop the project from loading (a YAML error, a ref to nothing) is refused: the text
   * stays unsaved (and kept in the browser), and `projectErrors` says what is wrong and where.
   */
  async saveAndBuild(paths?: readonly string[]): Promise<void> {
    const candidate = loadProjectMemo(this.workspace.filesWithBuffers(paths).filter(isProjectFile));
    if (candidate.errors.length > 0) {
      this.projectErrors = candidate.errors;
      this.notice = {
        tone: 'error',
        text: `Not saved: ${candidate.errors.length === 1 ? 'a problem stops' : `${candidate.errors.length} problems stop`} the project from loading. Your text is kept; fix it and save again.`,
      };
      return;
    }
    this.workspace.save(paths);
    // What is built is what is stored: a reload during the build comes back to this save, and builds it.
    await this.workspace.flush();
    await this.build(undefined, 'save');
  }

  /**
   * Build the saved project's nodes that match a dbt selector (default `state:modified+`: what changed
   * since it was last built, and everything downstream), then their tests.
   */
  build(select?: string, trigger = select ? `build ${select}` : 'build state:modified+'): Promise<void> {
    return this.#serially(async () => {
      // The same files a save just checked: the memo hands back that load rather than loading them again.
      const loaded = loadProjectMemo(this.workspace.files().filter(isProjectFile));
      this.projectErrors = loaded.errors;
      if (loaded.errors.length > 0) {
        this.notice = { tone: 'error', text: 'The saved files do not load as a project: see the problems.' };
        return;
      }
      const nodes = selectableNodes(loaded.project);
      const plan = planRebuild({ nodes, built: this.built, select });
      if (plan.errors.length > 0) {
        this.notice = { tone: 'error', text: plan.errors.join(' ') };
        return;
      }
      this.loaded = loaded;
      this.checksums = new Map(nodes.map((node) => [node.uniqueId, node.checksum]));
      this.#fellBack = false;
      this.#forget(plan.removed);
      if (plan.selected.size === 0) {
        this.notice = {
          tone: 'info',
          text: select ? `Nothing matches ${select}.` : 'Nothing changed since the last build.',
        };
        this.buildVersion++;
        return;
      }
      await this.#build({ selected: plan.selected, refresh: false, trigger });
      const counts = this.#counts(plan.selected);
      this.notice = { tone: 'info', text: `Built ${plan.selected.size} of ${nodes.length} nodes: ${counts}.` };
    });
  }

  /** Add a file and build it; refused (with the reason) when the path is taken or it would not load. */
  async createFile(path: string, content: string): Promise<string | undefined> {
    const problem = this.#wouldBreak([...this.workspace.files(), { path, content }], `Adding ${path}`);
    if (problem) return problem;
    const refused = this.workspace.create(path, content);
    if (refused) return refused;
    await this.build();
    return undefined;
  }

  /** Rename a file and rebuild; refused, naming the files that would break, when refs still use the old name. */
  async renameFile(from: string, to: string): Promise<string | undefined> {
    const files = this.workspace.files().map((file) => (file.path === from ? { ...file, path: to } : file));
    const problem = this.#wouldBreak(files, `Renaming ${from} to ${to}`);
    if (problem) return problem;
    const refused = this.workspace.rename(from, to);
    if (refused) return refused;
    await this.build();
    return undefined;
  }

  /** Delete a file and rebuild; refused, naming the files that would break, when others still use it. */
  async deleteFile(path: string): Promise<string | undefined> {
    const problem = this.#wouldBreak(
      this.workspace.files().filter((file) => file.path !== path),
      `Deleting ${path}`,
    );
    if (problem) return problem;
    this.workspace.remove(path);
    await this.build();
    return undefined;
  }

  /**
   * Replace the project with an imported one and build what that changes; refused (with the reason,
   * nothing touched) when its files do not load as a project.
   */
  async importProject(files: readonly ProjectFile[]): Promise<string | undefined> {
    const problem = this.#wouldBreak(files, 'Importing this archive');
    if (problem) return problem;
    this.workspace.replaceAll(files);
    await this.build();
    return undefined;
  }

  /**
   * Lay a share link's edits over the project and, once the stack has started, build what they change;
   * refused (with the reason, nothing touched) when the result would not load as a project.
   */
  async applySharedEdits(edits: Readonly<Record<string, string | null>>): Promise<string | undefined> {
    const problem = this.#wouldBreak(withSharedEdits(this.workspace.files(), edits), "Applying the link's edits");
    if (problem) return problem;
    this.workspace.overlay(edits);
    if (this.#started) await this.build();
    return undefined;
  }

  /** Whether `start` has been called. */
  get started(): boolean {
    return this.#started !== undefined;
  }

  /** Put files back as bundled (all of them when no path is given) and rebuild what that changes. */
  async reset(path?: string): Promise<void> {
    if (path === undefined) this.workspace.resetAll();
    else this.workspace.reset(path);
    await this.build();
  }

  /** Why these files would not load as a project, naming each file and line at fault; undefined when they would. */
  #wouldBreak(files: readonly ProjectFile[], what: string): string | undefined {
    const { errors } = loadProjectMemo(files.filter(isProjectFile));
    if (errors.length === 0) return undefined;
    return `${what} would break the project: ${errors.map(formatProjectError).join('; ')}`;
  }

  /**
   * The key of the saved files on the data this build loads: the bundled sample, or the deployment's
   * snapshot. Live data changes under the same settings, so it has none: nothing is reused for it.
   */
  #resultsKey(): string | undefined {
    if (settings.mode === 'live' || this.#pickedData || this.#fellBack) return undefined;
    const data = this.snapshot ? snapshotDataKey(JSON.stringify(this.snapshot)) : bundledSampleKey;
    if (!data) return undefined;
    return projectDataKey({ files: this.workspace.files().filter((file) => file.path !== SCRATCH), data });
  }

  /** Run builds one after another, so a save during a build waits for it rather than racing it. */
  #serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Drop what the last builds said of nodes that no longer exist. */
  #forget(removed: readonly string[]): void {
    if (removed.length === 0 || !this.#state) return;
    const gone = new Set(removed);
    const results = new Map([...this.#state.results].filter(([id]) => !gone.has(id)));
    this.#state = { ...this.#state, steps: this.#state.steps.filter((step) => !gone.has(step.uniqueId)), results };
    this.built = new Map([...this.built].filter(([id]) => !gone.has(id)));
    this.steps = [...this.#state.steps];
    this.results = results;
  }

  /** `3 ok, 1 error` for the nodes just built. */
  #counts(ids: ReadonlySet<string>): string {
    const tally: Record<string, number> = {};
    for (const id of ids) {
      const status = this.results.get(id)?.status ?? 'not run';
      tally[status] = (tally[status] ?? 0) + 1;
    }
    return Object.entries(tally)
      .map(([status, count]) => `${count} ${status}`)
      .join(', ');
  }

  async #run(): Promise<void> {
    const started = performance.now();
    try {
      // The database's worker boots (fetching and compiling its WebAssembly) while this thread reads the
      // project; the build's own `open` then finds it started.
      void getEngine()
        .open()
        .catch(() => undefined);
      const bundled = await currentBundle;
      await this.workspace.ready;
      if (settings.mode === 'sample') this.snapshot = await bundledSnapshot();
      // The key needs only the files and the data, not the parsed project: results kept or precomputed for
      // it are drawn before the project is parsed (saved files that do not load can have none).
      this.resultsKey = this.#resultsKey();
      if (this.resultsKey && this.beforeBuild) await this.beforeBuild(this.resultsKey).catch(() => undefined);
      let loaded = loadProject({ files: this.workspace.files().filter(isProjectFile) });
      if (loaded.errors.length > 0 && this.workspace.editedPaths().length > 0) {
        // Saved edits that no longer load (the bundle changed under them) must not stop the app: the
        // bundled project is built, and the workbench shows what is wrong with the edits.
        this.projectErrors = loaded.errors;
        loaded = loadProject({ files: bundled.filter(isProjectFile) });
      }
      this.loaded = loaded;
      if (loaded.errors.length > 0) throw new Error(loaded.errors.map(formatProjectError).join('\n'));
      this.checksums = new Map(selectableNodes(loaded.project).map((node) => [node.uniqueId, node.checksum]));
      this.#fellBack = this.projectErrors.length > 0;
      this.resultsKey = this.#resultsKey();
      this.activity = settings.mode === 'live' ? 'Downloading the datasets…' : 'Loading the bundled sample…';
      await this.#serially(() => this.#build({ selected: undefined, refresh: false, trigger: 'start' }));
      this.buildMs = performance.now() - started;
      this.buildStepsMs = this.#lastStepsMs;
      this.phase = 'built';
    } catch (error) {
      this.error = messageOf(error);
      this.phase = 'error';
    }
  }

  /**
   * The database died and a fresh one starts on the next call, with no tables: load every source again
   * (from this browser's cache in live mode, or the bundled sample) and build the whole project. The files,
   * edits and settings are the workspace's and are not touched.
   */
  async #restarted(reason: string): Promise<void> {
    if (!this.#started) return;
    this.restart = { reason, state: 'rebuilding' };
    await this.#serially(async () => {
      this.#state = undefined;
      this.built = new Map();
      this.results = new Map();
      this.steps = [];
      this.phase = 'loading';
      this.activity = 'The database stopped; starting it again and rebuilding…';
      try {
        await this.#build({ selected: undefined, refresh: false, trigger: 'rebuild after a restart' });
        this.restart = { reason, state: 'rebuilt' };
        this.error = undefined; // an error from before the restart no longer holds
        this.phase = 'built';
      } catch (error) {
        this.restart = { reason, state: 'failed', error: messageOf(error) };
        this.error = messageOf(error);
        this.phase = 'error';
      }
    });
  }

  /** Where source files come from, as the settings say: the bundled data or the portals. */
  #obtainer(): SourceObtainer {
    if (settings.mode !== 'live') return bundledObtainer;
    return liveObtainer({
      proxy: settings.proxy,
      mirror: settings.mirror,
      signal: this.#downloads.signal,
      onProgress: (source, progress) =>
        this.#setSource(source.uniqueId, { ...(this.sources.get(source.uniqueId) as SourceStatus), progress }),
    });
  }

  /** One build through the shared session; its results are laid over the last build's. */
  async #build(options: {
    selected: ReadonlySet<string> | undefined;
    sources?: readonly SourceNode[] | undefined;
    obtainer?: SourceObtainer | undefined;
    origin?: SourceStatus['origin'] | undefined;
    refresh?: boolean | undefined;
    /** What started the build, for the run history (`start`, `save`, `build +dim__school`). */
    trigger?: string | undefined;
  }): Promise<void> {
    const project = this.loaded?.project;
    if (!project) return;
    const origin = options.origin ?? settings.mode;
    const startedAt = new Date().toISOString();
    const started = performance.now();
    // Whatever this build loads and builds is what results kept from now on are keyed by.
    const key = (this.resultsKey = this.#resultsKey());
    const outcome = await runBuildSession({
      project,
      engine: getEngine(),
      obtainer: options.obtainer ?? this.#obtainer(),
      selected: options.selected,
      sources: options.sources,
      refresh: options.refresh ?? true,
      previous: this.#state,
      loadedAt: new Date().toISOString(),
      snapshotStore: browserSnapshotStore(getEngine),
      onEvent: (event) => this.#follow(event, origin),
    });
    this.progress = undefined;
    if (outcome.errors.length > 0) throw new Error(outcome.errors.join('\n'));
    const run = {
      steps: outcome.steps,
      results: outcome.results,
      startedAt,
      elapsedMs: performance.now() - started,
      trigger: options.trigger ?? 'reload a source',
      selected: options.selected?.size ?? outcome.steps.length,
    };
    // The run history is loaded on its own, after the build: the first report does not wait for its code.
    // If its chunk cannot be fetched (offline after a deployment), this build goes unrecorded; the build stands.
    void import('./runs/run-history.svelte.ts').then(({ runHistory }) => runHistory.record(run)).catch(() => undefined);
    if (outcome.warnings?.length) this.log = [...this.log, ...outcome.warnings.map((warning) => `WARN ${warning}`)];
    this.built = withEntries(
      this.built,
      outcome.steps.map((step) => [step.uniqueId, this.checksums.get(step.uniqueId) ?? ''] as [string, string]),
    );
    this.#state = outcome.state;
    this.steps = [...outcome.state.steps];
    this.results = new Map(outcome.state.results);
    this.builtKey = key;
    this.buildVersion++;
  }

  /** Show a session's progress: each source's card, then the build. */
  #follow(event: SessionEvent, origin: SourceStatus['origin']): void {
    if (event.type === 'source-started')
      this.#setSource(event.source.uniqueId, { state: 'fetching', origin, notes: [] });
    else if (event.type === 'source-planned') {
      const fetchedAt = event.files.flatMap((file) => (file.fetchedAt ? [file.fetchedAt] : [])).sort()[0];
      this.#setSource(event.source.uniqueId, {
        state: event.report.error ? 'error' : 'loaded',
        origin,
        fetchedAt,
        notes: event.files.flatMap((file) => file.notes ?? []),
      });
      this.reports = withEntries(this.reports, [[event.source.uniqueId, event.report]]);
    } else if (event.type === 'planned') {
      this.#stepsStarted = performance.now();
      this.activity = 'Building models…';
      this.progress = { done: 0, total: event.steps.length };
      this.log = [];
    } else if (event.type === 'step') {
      const { event: progress, step } = event;
      if (progress.phase === 'started')
        this.progress = { done: progress.index - 1, total: progress.total, current: step.name };
      else if (progress.result) {
        if (progress.index === progress.total) this.#lastStepsMs = performance.now() - this.#stepsStarted;
        this.progress = { done: progress.index, total: progress.total };
        this.log = [
          ...this.log,
          formatStepLine({ step, result: progress.result, index: progress.index, total: progress.total }),
        ];
      }
    }
  }

  #setSource(uniqueId: string, status: SourceStatus): void {
    this.sources = withEntries(this.sources, [[uniqueId, status]]);
  }
}

/** The page's one stack. */
export const stack = new Stack();
