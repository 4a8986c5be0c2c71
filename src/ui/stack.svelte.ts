import { planBuild } from '../core/plan/build-plan.ts';
import { formatProjectError } from '../core/project/format-error.ts';
import { loadProject, type LoadedProject } from '../core/project/load-project.ts';
import type { LoadResult, StepResult } from '../engine/contract.ts';
import { getEngine } from './engine.ts';
import { bundledProjectFiles } from './project-files.ts';

/** The bundled offline sample: which file fills which raw table. (The source catalogue replaces this.) */
const SAMPLE_FILES = [{ table: 'raw__nsw_doe_datansw__master_dataset', file: 'data/sample/master_dataset.csv' }];

/** Where the page is: `loading` until the models are built, then `ready` (set by the report) or `error`. */
export type StackPhase = 'loading' | 'built' | 'error';

/** The stack's state as the UI shows it: what is loaded, what was built, what went wrong. */
class Stack {
  /** loading → built, or error. */
  phase = $state<StackPhase>('loading');
  /** What is happening now, for the loading screen. */
  activity = $state('Starting the database…');
  /** A message when loading or building failed. */
  error = $state<string | undefined>(undefined);
  /** The project as loaded. */
  loaded = $state.raw<LoadedProject | undefined>(undefined);
  /** The last build's results by model unique id. */
  results = $state.raw<Map<string, StepResult>>(new Map());
  /** The last load of each raw table. */
  loads = $state.raw<LoadResult[]>([]);
  /** Milliseconds from start to built. */
  buildMs = $state<number | undefined>(undefined);

  #started: Promise<void> | undefined;

  /** Load the sample and build the project, once. */
  start(): Promise<void> {
    this.#started ??= this.#run();
    return this.#started;
  }

  async #run(): Promise<void> {
    const started = performance.now();
    try {
      const engine = getEngine();
      const loaded = loadProject({ files: bundledProjectFiles() });
      this.loaded = loaded;
      if (loaded.errors.length > 0) throw new Error(loaded.errors.map(formatProjectError).join('\n'));
      const [, ...loads] = await Promise.all([engine.open(), ...SAMPLE_FILES.map((s) => this.#loadSample(s))]);
      this.loads = loads;
      this.activity = 'Building models…';
      const plan = planBuild({ project: loaded.project });
      if (plan.errors.length > 0) throw new Error(plan.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      const results = await engine.build(plan.steps);
      this.results = new Map(results.map((result) => [result.uniqueId, result]));
      const failed = results.filter((result) => result.status === 'error' || result.status === 'skipped');
      if (failed.length > 0) {
        throw new Error(
          failed.map((r) => `${r.error?.path ?? r.uniqueId}: ${r.error?.message ?? 'failed'}`).join('\n'),
        );
      }
      this.buildMs = performance.now() - started;
      this.phase = 'built';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.phase = 'error';
    }
  }

  async #loadSample(sample: { table: string; file: string }): Promise<LoadResult> {
    this.activity = 'Loading the bundled sample…';
    const url = `${import.meta.env.BASE_URL}${sample.file}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The bundled sample ${sample.file} could not be read (HTTP ${response.status}).`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return getEngine().loadCsv({ table: sample.table, bytes, source: sample.file, loadedAt: new Date().toISOString() });
  }
}

/** The page's one stack. */
export const stack = new Stack();
