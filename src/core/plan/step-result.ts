/**
 * What running a build step gives back. Plain data: it crosses the worker boundary as it is, and the
 * build session in core reads it without knowing which engine ran the step.
 */

/**
 * How one build step ended: models and seeds `success` or `error`; tests `pass`, `fail`, `warn` (a
 * warn-severity test that found rows) or `error` (its SQL failed); `skipped` when something upstream
 * failed.
 */
export type StepStatus = 'success' | 'error' | 'skipped' | 'pass' | 'fail' | 'warn';

/** The outcome of one build step. */
export interface StepResult {
  /** The node's unique id. */
  uniqueId: string;
  /** How it ended. */
  status: StepStatus;
  /** Milliseconds taken. */
  elapsedMs: number;
  /** Rows in the relation after building (models, seeds). */
  rows?: number | undefined;
  /** Failing rows found (tests). */
  failures?: number | undefined;
  /** The first failing rows as Arrow IPC bytes (tests that found rows); decode with `decodeResult`. */
  failingRows?: Uint8Array | undefined;
  /** Why it failed or was skipped. */
  error?: EngineErrorData | undefined;
}

/** A progress event during a build. */
export interface BuildEvent {
  /** The step that just started or finished. */
  uniqueId: string;
  /** `started`, or the step's final status. */
  phase: 'started' | StepStatus;
  /** 1-based position in the plan. */
  index: number;
  /** Steps in the plan. */
  total: number;
  /** The finished step's result, when `phase` is not `started`. */
  result?: StepResult | undefined;
}

/** An error flattened to plain data, with where in the project it happened. */
export interface EngineErrorData {
  /** Error class name, e.g. `Error`, `TimeoutError`. */
  name: string;
  /** DuckDB's (or our) message. */
  message: string;
  /** Stack, when useful for debugging. */
  stack?: string | undefined;
  /** The model's unique id, when a model failed. */
  model?: string | undefined;
  /** The model's file. */
  path?: string | undefined;
  /** 1-based line in the model file, when known. */
  line?: number | undefined;
}

/** What a started engine says of itself. */
export interface EngineInfo {
  /** DuckDB's version string, e.g. `v1.4.3`. */
  duckdbVersion: string;
  /** Milliseconds from the first call to a ready database. */
  startMs: number;
}
