import { readSourceSpec } from '../core/sources/catalogue.ts';
import { planSourceFromFiles, type PlannedSource } from '../core/sources/plan-source.ts';
import type { LoadReport } from '../core/sources/prepare-source.ts';
import type { SnapshotManifest } from '../core/sources/snapshot-manifest.ts';
import { descendantsOf } from '../core/graph/select-nodes.ts';
import { planBuild, type BuildStep } from '../core/plan/build-plan.ts';
import { formatProjectError } from '../core/project/format-error.ts';
import { loadProject, type LoadedProject } from '../core/project/load-project.ts';
import type { SourceNode } from '../core/project/types.ts';
import type { StepResult } from '../engine/contract.ts';
import { getEngine } from './engine.ts';
import { withEntries } from './with-entries.ts';
import { bundledProjectFiles } from './project-files.ts';
import { settings } from './settings.svelte.ts';
import {
  obtainFromUser,
  obtainLive,
  bundledSnapshot,
  obtainBundled,
  type DownloadProgress,
  type Obtained,
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

/** The stack as the UI shows it: sources, what was built, and what went wrong. */
class Stack {
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

  #started: Promise<void> | undefined;
  #downloads = new AbortController();

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

  /** Stop downloads in progress; their sources end with a "cancelled" error. */
  cancelDownloads(): void {
    this.#downloads.abort();
    this.#downloads = new AbortController();
  }

  /** Load one source again — downloaded afresh, or from a file the user picked — and rebuild what reads it. */
  async reloadSource(options: { uniqueId: string; picked?: File | undefined }): Promise<void> {
    const source = this.loaded?.project.nodes.get(options.uniqueId);
    if (source?.resourceType !== 'source') return;
    const planned = await this.#planSource(source, { refresh: true, picked: options.picked });
    await this.#build({
      planned: [planned],
      selected: descendantsOf([...(this.loaded?.project.nodes.values() ?? [])], [source.uniqueId]),
    });
  }

  /** Load every source again (downloaded afresh in live mode) and rebuild the whole project. */
  async reloadAll(): Promise<void> {
    const project = this.loaded?.project;
    if (!project) return;
    const sources = [...project.nodes.values()].filter((node): node is SourceNode => node.resourceType === 'source');
    const planned = await Promise.all(sources.map((source) => this.#planSource(source, { refresh: true })));
    await this.#build({ planned, selected: undefined });
  }

  async #run(): Promise<void> {
    const started = performance.now();
    try {
      const loaded = loadProject({ files: bundledProjectFiles() });
      this.loaded = loaded;
      if (loaded.errors.length > 0) throw new Error(loaded.errors.map(formatProjectError).join('\n'));
      const sources = [...loaded.project.nodes.values()].filter(
        (node): node is SourceNode => node.resourceType === 'source',
      );
      if (settings.mode === 'sample') this.snapshot = await bundledSnapshot();
      this.activity = settings.mode === 'live' ? 'Downloading the datasets…' : 'Loading the bundled sample…';
      const [, ...planned] = await Promise.all([
        getEngine().open(),
        ...sources.map((source) => this.#planSource(source, { refresh: false })),
      ]);
      this.activity = 'Building models…';
      await this.#build({ planned, selected: undefined });
      this.buildMs = performance.now() - started;
      this.phase = 'built';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.phase = 'error';
    }
  }

  async #planSource(
    source: SourceNode,
    options: { refresh: boolean; picked?: File | undefined },
  ): Promise<PlannedSource> {
    const spec = readSourceSpec(source).spec;
    const origin = options.picked ? 'file' : settings.mode;
    this.#setSource(source.uniqueId, { state: 'fetching', origin, notes: [] });
    const files = (spec?.files ?? []).map((file, index): Promise<Obtained> => {
      if (options.picked)
        return index === pickedIndex(spec?.files ?? [], options.picked)
          ? obtainFromUser({ file, picked: options.picked })
          : this.#obtain(source, spec, file, false);
      return this.#obtain(source, spec, file, options.refresh);
    });
    const obtained = await Promise.all(files);
    const planned = planSourceFromFiles({ source, files: obtained, loadedAt: new Date().toISOString() });
    const fetchedAt = obtained.map((o) => o.fetchedAt).sort()[0];
    this.#setSource(source.uniqueId, {
      state: planned.report.error ? 'error' : 'loaded',
      origin,
      fetchedAt,
      notes: obtained.flatMap((o) => o.notes),
    });
    this.reports = withEntries(this.reports, [[source.uniqueId, planned.report]]);
    return planned;
  }

  #obtain(
    source: SourceNode,
    spec: ReturnType<typeof readSourceSpec>['spec'],
    file: Obtained['file'],
    refresh: boolean,
  ): Promise<Obtained> {
    if (settings.mode !== 'live' || !spec) return obtainBundled(file);
    return obtainLive({
      spec,
      file,
      proxy: settings.proxy,
      mirror: settings.mirror,
      refresh,
      signal: this.#downloads.signal,
      onProgress: (progress) =>
        this.#setSource(source.uniqueId, { ...(this.sources.get(source.uniqueId) as SourceStatus), progress }),
    });
  }

  async #build(options: { planned: PlannedSource[]; selected: ReadonlySet<string> | undefined }): Promise<void> {
    const project = this.loaded?.project;
    if (!project) return;
    const plan = planBuild({ project, selected: options.selected, sourceSteps: options.planned.map((p) => p.step) });
    if (plan.errors.length > 0) throw new Error(plan.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const results = await getEngine().build(plan.steps);
    const steps = withEntries(
      new Map(this.steps.map((step) => [step.uniqueId, step])),
      plan.steps.map((step) => [step.uniqueId, step]),
    );
    this.steps = [...steps.values()];
    this.results = withEntries(
      this.results,
      results.map((result) => [result.uniqueId, result]),
    );
    this.buildVersion++;
  }

  #setSource(uniqueId: string, status: SourceStatus): void {
    this.sources = withEntries(this.sources, [[uniqueId, status]]);
  }
}

/** Which of a source's files a picked file replaces: the one with its name, else the first. */
function pickedIndex(files: ReadonlyArray<{ fileName: string }>, picked: File): number {
  const byName = files.findIndex((file) => file.fileName.toLowerCase() === picked.name.toLowerCase());
  return byName >= 0 ? byName : 0;
}

/** The page's one stack. */
export const stack = new Stack();
