/**
 * A build, as the run history keeps it: when it ran, what was asked for, and how each node ended (status,
 * rows, failing rows, time). The browser and the CLI record the same shape; plain data (it goes to
 * IndexedDB and JSON as it is).
 */
import type { StepKind } from '../plan/build-plan.ts';
import type { StepStatus } from '../plan/step-result.ts';

/** How one node ended in a run. */
export interface RunNode {
  /** The node's unique id. */
  uniqueId: string;
  /** Its name (`stg__x`, `nsw_doe_datansw.ram`, a test's name). */
  name: string;
  /** source, seed, model or test. */
  kind: StepKind;
  /** success, error, skipped, pass, fail or warn. */
  status: StepStatus;
  /** Milliseconds it took. */
  elapsedMs: number;
  /** Rows in its relation afterwards (sources, seeds, models). */
  rows?: number | undefined;
  /** Failing rows found (tests). */
  failures?: number | undefined;
  /** Why it failed or was skipped. */
  error?: string | undefined;
}

/** One recorded build. */
export interface RunRecord {
  /** Unique and sortable by time: the start time, then a short random suffix. */
  id: string;
  /** When it started, ISO 8601. */
  startedAt: string;
  /** Milliseconds from start to finish. */
  elapsedMs: number;
  /** Where it ran. */
  origin: 'browser' | 'cli';
  /** What started it, in words: `start`, `save`, `--select +dim__school`, `build`. */
  trigger: string;
  /** How many nodes were selected (the nodes list holds what actually ran, upstream included). */
  selected: number;
  /** Each node that ran, in build order. */
  nodes: RunNode[];
  /** Tallies: nodes that succeeded or passed, warned, errored or failed, were skipped; tests passed and failed. */
  summary: RunSummary;
}

/** A run's tallies. */
export interface RunSummary {
  /** Nodes built or tests passed. */
  ok: number;
  /** Tests that warned. */
  warn: number;
  /** Nodes that errored and tests that failed. */
  error: number;
  /** Nodes skipped. */
  skipped: number;
  /** Tests run (pass, warn, fail or error). */
  tests: number;
  /** Tests that passed. */
  testsPassed: number;
}

/** What a build gives back, as far as a record needs it (a BuildStep and StepResult fit). */
export interface RecordInput {
  /** The steps in build order. */
  steps: ReadonlyArray<{ uniqueId: string; name: string; kind: StepKind }>;
  /** Their results. */
  results: ReadonlyArray<{
    uniqueId: string;
    status: StepStatus;
    elapsedMs: number;
    rows?: number | undefined;
    failures?: number | undefined;
    error?: { message: string } | undefined;
  }>;
}

/** Make a run record from a build's steps and results. */
export function recordRun(
  options: RecordInput & {
    startedAt: string;
    elapsedMs: number;
    origin: RunRecord['origin'];
    trigger: string;
    selected: number;
    /** A short random suffix for the id (two builds in one millisecond stay apart). */
    nonce: string;
  },
): RunRecord {
  const steps = new Map(options.steps.map((step) => [step.uniqueId, step]));
  const nodes = options.results.map((result): RunNode => {
    const step = steps.get(result.uniqueId);
    return {
      uniqueId: result.uniqueId,
      name: step?.name ?? result.uniqueId,
      kind: step?.kind ?? 'model',
      status: result.status,
      elapsedMs: Math.round(result.elapsedMs * 10) / 10,
      ...(result.rows === undefined ? {} : { rows: result.rows }),
      ...(result.failures === undefined ? {} : { failures: result.failures }),
      ...(result.error ? { error: result.error.message } : {}),
    };
  });
  return {
    id: `${options.startedAt}-${options.nonce}`,
    startedAt: options.startedAt,
    elapsedMs: Math.round(options.elapsedMs),
    origin: options.origin,
    trigger: options.trigger,
    selected: options.selected,
    nodes,
    summary: summarizeRun(nodes),
  };
}

/** Tally a run's nodes. */
export function summarizeRun(nodes: readonly RunNode[]): RunSummary {
  const count = (test: (node: RunNode) => boolean) => nodes.filter(test).length;
  return {
    ok: count((node) => node.status === 'success' || node.status === 'pass'),
    warn: count((node) => node.status === 'warn'),
    error: count((node) => node.status === 'error' || node.status === 'fail'),
    skipped: count((node) => node.status === 'skipped'),
    tests: count((node) => node.kind === 'test' && node.status !== 'skipped'),
    testsPassed: count((node) => node.kind === 'test' && node.status === 'pass'),
  };
}

/** The newest `limit` runs, newest first, and the ids of the ones to drop: the history's bound. */
export function boundRuns(runs: readonly RunRecord[], limit: number): { kept: RunRecord[]; dropped: string[] } {
  const sorted = [...runs].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { kept: sorted.slice(0, limit), dropped: sorted.slice(limit).map((run) => run.id) };
}
