/**
 * The one typed contract between the UI (or the CLI) and the database. Only plain data and transferable
 * byte arrays cross it, so the same interface works in-process (Node) and across a Web Worker (comlink).
 */
import type { BuildStep } from '../core/plan/build-plan.ts';
import type { BuildEvent, EngineInfo, StepResult } from '../core/plan/step-result.ts';

export type { BuildEvent, EngineErrorData, EngineInfo, StepResult, StepStatus } from '../core/plan/step-result.ts';

/** A query's rows as Arrow IPC stream bytes (decode with apache-arrow's `tableFromIPC`). */
export interface QueryResult {
  /** Arrow IPC stream. Transferred, not copied, across the worker boundary. */
  ipc: Uint8Array;
  /** Milliseconds DuckDB took. */
  elapsedMs: number;
}

/**
 * A value bound to a prepared statement's parameter (`$1`, `$2`…): plain JSON values only, so they cross
 * the worker boundary as they are and DuckDB infers each parameter's type from where the SQL uses it.
 */
export type QueryParam = string | number | boolean | null;

/** File formats `exportRows` writes. */
export type ExportFormat = 'csv' | 'parquet';

/** The database, as every caller sees it. */
export interface Engine {
  /** Start the database (once; later calls return the same start). */
  open(): Promise<EngineInfo>;
  /**
   * Run one SQL statement and return its rows. With `params`, the statement is prepared and each value
   * bound to its `$n` parameter, never spliced into the text. Rejects with an error whose message is DuckDB's.
   */
  query(sql: string, params?: readonly QueryParam[]): Promise<QueryResult>;
  /**
   * Run one query and return its rows as a file: CSV (with a header row, RFC 4180 quoting) or Parquet.
   * Rejects with DuckDB's message, as `query` does.
   */
  exportRows(sql: string, format: ExportFormat, params?: readonly QueryParam[]): Promise<Uint8Array>;
  /**
   * Run build steps in order. A step whose upstream step errored, or whose upstream test failed with
   * error severity, is skipped; independent branches still run.
   */
  build(steps: BuildStep[], onEvent?: (event: BuildEvent) => void): Promise<StepResult[]>;
  /**
   * Lock the database down for SQL the user, a report or a shared link wrote: from then on no statement
   * can read the network or a file, install or load an extension, attach a database file, `COPY … TO` a
   * file or change a setting (each fails with a message saying so, and the database stays usable). Builds
   * still load sources and seeds, so a reload or a rebuild works as before. Calls made after it wait for
   * it; it cannot be undone (a new engine starts unlocked).
   */
  lockDown(): Promise<void>;
  /**
   * Stop the call running now (a query, an export or a build) within about a tenth of a second: a query
   * rejects with a `CancelledError`; a build ends the step it is in as an error and skips the rest. Calls
   * waiting behind it still run and the database stays usable. A query with bound values runs in one
   * piece and cannot be stopped. Resolves whether anything was running.
   */
  cancel(): Promise<boolean>;
}
