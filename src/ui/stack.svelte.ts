import { runBuildSession, type BuildState, type SessionEvent } from '../core/build/build-session.ts';
import type { SourceObtainer } from '../core/build/source-obtainer.ts';
import type { SnapshotManifest } from '../core/sources/snapshot-manifest.ts';
import type { LoadReport } from '../core/sources/prepare-source.ts';
import { descendantsOf } from '../core/graph/select-nodes.ts';
import type { BuildStep } from '../core/plan/build-plan.ts';
import { formatProjectError } from '../core/project/format-error.ts';
import { loadProject, type LoadedProject } from '../core/load-project.ts';
import type { SourceNode } from '../core/project/types.ts';
import { messageOf } from '../core/text/message-of.ts';
import type { StepResult } from '../engine/contract.ts';
import { getEngine } from './engine.ts';
import { withEntries } from './with-entries.ts';
import { bundledProjectFiles } from './project-files.ts';
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
  #state: BuildState | undefined;
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
    const project = this.loaded?.project;
    const source = project?.nodes.get(options.uniqueId);
    if (!project || source?.resourceType !== 'source') return;
    const obtainer = options.picked ? pickedObtainer({ picked: options.picked, others: this.#obtainer() }) : undefined;
    await this.#build({
      sources: [source],
      selected: descendantsOf([...project.nodes.values()], [source.uniqueId]),
      obtainer,
      origin: options.picked ? 'file' : undefined,
    });
  }

  /** Load every source again (downloaded afresh in live mode) and rebuild the whole project. */
  async reloadAll(): Promise<void> {
    if (this.loaded) await this.#build({ selected: undefined });
  }

  async #run(): Promise<void> {
    const started = performance.now();
    try {
      const loaded = loadProject({ files: bundledProjectFiles() });
      this.loaded = loaded;
      if (loaded.errors.length > 0) throw new Error(loaded.errors.map(formatProjectError).join('\n'));
      if (settings.mode === 'sample') this.snapshot = await bundledSnapshot();
      this.activity = settings.mode === 'live' ? 'Downloading the datasets…' : 'Loading the bundled sample…';
      await this.#build({ selected: undefined, refresh: false });
      this.buildMs = performance.now() - started;
      this.phase = 'built';
    } catch (error) {
      this.error = messageOf(error);
      this.phase = 'error';
    }
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
  }): Promise<void> {
    const project = this.loaded?.project;
    if (!project) return;
    const origin = options.origin ?? settings.mode;
    const outcome = await runBuildSession({
      project,
      engine: getEngine(),
      obtainer: options.obtainer ?? this.#obtainer(),
      selected: options.selected,
      sources: options.sources,
      refresh: options.refresh ?? true,
      previous: this.#state,
      loadedAt: new Date().toISOString(),
      onEvent: (event) => this.#follow(event, origin),
    });
    if (outcome.errors.length > 0) throw new Error(outcome.errors.join('\n'));
    this.#state = outcome.state;
    this.steps = [...outcome.state.steps];
    this.results = new Map(outcome.state.results);
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
    } else if (event.type === 'planned') this.activity = 'Building models…';
  }

  #setSource(uniqueId: string, status: SourceStatus): void {
    this.sources = withEntries(this.sources, [[uniqueId, status]]);
  }
}

/** The page's one stack. */
export const stack = new Stack();
