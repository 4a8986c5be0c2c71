/**
 * The one typed contract between the UI (or the CLI) and the database. Only plain data and transferable
 * byte arrays cross it, so the same interface works in-process (Node) and across a Web Worker (comlink).
 */
import type { BuildStep } from '../core/plan/build-plan.ts';

/** What a started engine reports about itself. */
export interface EngineInfo {
  /** DuckDB's version string, e.g. `v1.4.3`. */
  duckdbVersion: string;
  /** Milliseconds from the first call to a ready database. */
  startMs: number;
}

/** A query's rows as Arrow IPC stream bytes (decode with apache-arrow's `tableFromIPC`). */
export interface QueryResult {
  /** Arrow IPC stream. Transferred, not copied, across the worker boundary. */
  ipc: Uint8Array;
  /** Milliseconds DuckDB took. */
  elapsedMs: number;
}

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

/** The database, as every caller sees it. */
export interface Engine {
  /** Start the database (once; later calls return the same start). */
  open(): Promise<EngineInfo>;
  /** Run one SQL statement and return its rows. Rejects with an error whose message is DuckDB's. */
  query(sql: string): Promise<QueryResult>;
  /**
   * Run build steps in order. A step whose upstream step errored, or whose upstream test failed with
   * error severity, is skipped; independent branches still run.
   */
  build(steps: BuildStep[], onEvent?: (event: BuildEvent) => void): Promise<StepResult[]>;
}
