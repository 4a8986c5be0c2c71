import { planBuild, planSourceLoad, type BuildStep } from '../core/plan/build-plan.ts';
import { formatProjectError } from '../core/project/format-error.ts';
import { loadProject, type LoadedProject } from '../core/project/load-project.ts';
import type { SourceNode } from '../core/project/types.ts';
import type { StepResult } from '../engine/contract.ts';
import { getEngine } from './engine.ts';
import { bundledProjectFiles } from './project-files.ts';

/** Where the page is: `loading` until the project is built, `built` (even with failing nodes), or `error`. */
export type StackPhase = 'loading' | 'built' | 'error';

/** The stack's state as the UI shows it: what was loaded and built, and what went wrong. */
class Stack {
  /** loading → built, or error when nothing could be built. */
  phase = $state<StackPhase>('loading');
  /** What is happening now, for the loading screen. */
  activity = $state('Starting the database…');
  /** Why nothing could be built. */
  error = $state<string | undefined>(undefined);
  /** The project as loaded. */
  loaded = $state.raw<LoadedProject | undefined>(undefined);
  /** The last build's steps, in order. */
  steps = $state.raw<BuildStep[]>([]);
  /** The last build's results by unique id. */
  results = $state.raw<Map<string, StepResult>>(new Map());
  /** Milliseconds from start to built. */
  buildMs = $state<number | undefined>(undefined);

  #started: Promise<void> | undefined;

  /** Nodes that errored, were skipped, or (tests) failed, for the problems banner. */
  get problems(): StepResult[] {
    return [...this.results.values()].filter(
      (r) => r.status === 'error' || r.status === 'skipped' || r.status === 'fail',
    );
  }

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
      const sources = [...loaded.project.nodes.values()].filter(
        (node): node is SourceNode => node.resourceType === 'source',
      );
      this.activity = 'Loading the bundled sample…';
      const [, ...sourceSteps] = await Promise.all([engine.open(), ...sources.map((source) => planSampleLoad(source))]);
      this.activity = 'Building models…';
      const plan = planBuild({ project: loaded.project, sourceSteps });
      if (plan.errors.length > 0) throw new Error(plan.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      this.steps = plan.steps;
      const results = await engine.build(plan.steps);
      this.results = new Map(results.map((result) => [result.uniqueId, result]));
      this.buildMs = performance.now() - started;
      this.phase = 'built';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.phase = 'error';
    }
  }
}

/** Fetch a source's bundled sample file (built into public/data/sample) and plan loading it. */
async function planSampleLoad(source: SourceNode): Promise<BuildStep> {
  const file = typeof source.meta.file === 'string' ? source.meta.file : `${source.relation}.csv`;
  const url = `${import.meta.env.BASE_URL}data/sample/${file}`;
  const loadedAt = new Date().toISOString();
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return planSourceLoad({ source, csv: await response.text(), origin: `sample:${file}`, loadedAt });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return planSourceLoad({
      source,
      origin: url,
      loadedAt,
      error: `The bundled sample ${file} could not be read (${reason}).`,
    });
  }
}

/** The page's one stack. */
export const stack = new Stack();
