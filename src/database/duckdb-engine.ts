import { tableFromIPC } from 'apache-arrow';
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { LINES_BEFORE_COMPILED_SQL, type BuildStep } from '../core/plan/build-plan.ts';
import { locateSqlError } from '../core/plan/locate-error.ts';
import { lockDownStatements } from '../core/sql/lockdown.ts';
import type {
  BuildEvent,
  Engine,
  EngineErrorData,
  EngineInfo,
  ExportFormat,
  QueryParam,
  QueryResult,
  StepResult,
} from '../engine/contract.ts';
import { toErrorData } from '../engine/errors.ts';
import { messageOf } from '../core/text/message-of.ts';
import { exportTable } from '../engine/export-rows.ts';
import { CancelledError, runPendingQuery, type CancelToken } from './pending-query.ts';
import { MEMORY_LIMIT } from './memory-limit.ts';
import { plainError } from './plain-error.ts';

/** Opens DuckDB bindings: the browser worker and Node each supply their own build of DuckDB-WASM. */
export type OpenBindings = () => Promise<DuckDBBindings>;

interface Database {
  bindings: DuckDBBindings;
  connection: DuckDBConnection;
  /** The connection's id, for the bindings' pending-query calls. */
  id: number;
  info: EngineInfo;
}

/**
 * The Engine over DuckDB-WASM's synchronous ("blocking") bindings. The same class runs inside the browser
 * worker and in Node (CLI, tests); only how the bindings are opened differs, so both give identical rows.
 */
export class DuckDbEngine implements Engine {
  readonly #openBindings: OpenBindings;
  #database: Promise<Database> | undefined;
  #locked: Promise<void> | undefined;
  /** Calls run one at a time, in the order made: a statement yields while it runs, others wait for it. */
  #queue: Promise<unknown> = Promise.resolve();
  /** The call running now, for `cancel`. */
  #running: CancelToken | undefined;
  /** Set once the database cannot be used any more (a WebAssembly fault, a failed lockdown): every later call fails with it. */
  #fault: Error | undefined;

  constructor(openBindings: OpenBindings) {
    this.#openBindings = openBindings;
  }

  async open(): Promise<EngineInfo> {
    return (await this.#start()).info;
  }

  query(sql: string, params?: readonly QueryParam[]): Promise<QueryResult> {
    return this.#exclusive(async ({ bindings, connection, id }, token) => {
      const started = now();
      try {
        // Bound values need a prepared statement, which DuckDB-WASM runs in one piece (it cannot be cancelled).
        const ipc =
          params === undefined
            ? await runPendingQuery({ bindings, connection: id, sql, token })
            : runPrepared({ bindings, connection: id, sql, params });
        return { ipc, elapsedMs: now() - started };
      } catch (error) {
        throw plainError({ error, connection });
      }
    });
  }

  async exportRows(sql: string, format: ExportFormat, params?: readonly QueryParam[]): Promise<Uint8Array> {
    return exportTable(tableFromIPC((await this.query(sql, params)).ipc), format);
  }

  build(steps: BuildStep[], onEvent?: (event: BuildEvent) => void): Promise<StepResult[]> {
    return this.#exclusive((database, token) => buildSteps({ database, token, steps, onEvent }));
  }

  /**
   * Stop the call running now (a query, an export or a build): its statement ends within DuckDB's next
   * slice of work, a query rejecting with a `CancelledError` and a build ending that step as an error and
   * skipping the rest. Calls waiting behind it still run; the database stays usable. Resolves whether
   * anything was running.
   */
  cancel(): Promise<boolean> {
    const running = this.#running;
    if (running) running.cancelled = true;
    return Promise.resolve(running !== undefined);
  }

  lockDown(): Promise<void> {
    // Calls run in order, so nothing called after this runs before the lock; a failed lock fails them all.
    this.#locked ??= this.#exclusive(({ connection }) => {
      try {
        for (const statement of lockDownStatements()) connection.query(statement);
      } catch (error) {
        this.#fault = new Error(
          `The database could not be locked down, so it runs nothing more (${messageOf(error)}). Reload the page.`,
        );
        throw this.#fault;
      }
    });
    return this.#locked;
  }

  /** Start once, lazily; every caller shares the same start. */
  #start(): Promise<Database> {
    this.#database ??= startDatabase(this.#openBindings);
    return this.#database;
  }

  /**
   * Run a call once those made before it have finished. A WebAssembly fault ("memory access out of bounds")
   * leaves DuckDB's memory unusable, so it fails this call and every later one with an `EngineCrashedError`:
   * the owner starts a new engine (the browser restarts the worker).
   */
  #exclusive<T>(task: (database: Database, token: CancelToken) => Promise<T> | T): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#fault) throw this.#fault;
      const database = await this.#start();
      const token: CancelToken = { cancelled: false };
      this.#running = token;
      try {
        return await task(database, token);
      } catch (error) {
        if (isWebAssemblyFault(error)) this.#fault = crashedError(error);
        throw this.#fault ?? error;
      } finally {
        this.#running = undefined;
      }
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

async function buildSteps(options: {
  database: Database;
  token: CancelToken;
  steps: BuildStep[];
  onEvent: ((event: BuildEvent) => void) | undefined;
}): Promise<StepResult[]> {
  const { database, token, steps, onEvent } = options;
  const failed = new Map<string, string>();
  // Setup statements (`create schema if not exists`) already run in this build: the same for many steps.
  const setUp = new Set<string>();
  const results: StepResult[] = [];
  for (const [position, step] of steps.entries()) {
    const index = position + 1;
    onEvent?.({ uniqueId: step.uniqueId, phase: 'started', index, total: steps.length });
    const result = token.cancelled ? cancelledStep(step) : await runStep({ ...database, token, step, failed, setUp });
    // Like dbt build: errors, skips and error-severity test failures stop what is downstream.
    if (result.status === 'error' || result.status === 'skipped' || result.status === 'fail')
      failed.set(step.uniqueId, step.name);
    results.push(result);
    onEvent?.({ uniqueId: step.uniqueId, phase: result.status, index, total: steps.length, result });
  }
  return results;
}

/** A step the build did not reach because it was cancelled. */
function cancelledStep(step: BuildStep): StepResult {
  const error: EngineErrorData = {
    name: 'CancelledError',
    message: 'Skipped because the build was cancelled.',
    model: step.uniqueId,
    path: step.path,
  };
  return { uniqueId: step.uniqueId, status: 'skipped', elapsedMs: 0, error };
}

/** A trap inside DuckDB's WebAssembly: its memory may be corrupt, so the instance must not be used again. */
function isWebAssemblyFault(error: unknown): boolean {
  return error instanceof Error && error.name === 'RuntimeError';
}

function crashedError(fault: unknown): Error {
  const error = new Error(
    `The database stopped: a fault inside DuckDB (${messageOf(fault)}). It must be started again; the tables built so far are gone.`,
  );
  error.name = 'EngineCrashedError';
  return error;
}

/** Prepare, run with the values bound, and always release the statement (an error included). */
function runPrepared(options: {
  bindings: DuckDBBindings;
  connection: number;
  sql: string;
  params: readonly QueryParam[];
}): Uint8Array {
  const { bindings, connection, sql, params } = options;
  const statement = bindings.createPrepared(connection, sql);
  try {
    return bindings.runPrepared(connection, statement, [...params]);
  } finally {
    bindings.closePrepared(connection, statement);
  }
}

async function startDatabase(openBindings: OpenBindings): Promise<Database> {
  const started = now();
  const bindings = await openBindings();
  const connection = bindings.connect();
  // Extensions are fetched from the internet when a query needs one (ICU for time zones, say): never do
  // that. A query needing one fails with DuckDB's message naming the extension instead of hanging offline.
  connection.query('SET autoinstall_known_extensions = false');
  connection.query('SET autoload_known_extensions = false');
  // Below DuckDB-WASM's default, so DuckDB refuses plainly before the tab runs out (see MEMORY_LIMIT).
  connection.query(`SET memory_limit = '${MEMORY_LIMIT}'`);
  const id = connection.useUnsafe((_, connectionId) => connectionId);
  return { bindings, connection, id, info: { duckdbVersion: bindings.getVersion(), startMs: now() - started } };
}

async function runStep(options: {
  bindings: DuckDBBindings;
  connection: DuckDBConnection;
  id: number;
  token: CancelToken;
  step: BuildStep;
  failed: Map<string, string>;
  setUp: Set<string>;
}): Promise<StepResult> {
  const { bindings, connection, id, token, step, failed, setUp } = options;
  const run = (sql: string) => runPendingQuery({ bindings, connection: id, sql, token });
  const blocked = step.dependsOn.find((id) => failed.has(id));
  if (blocked) {
    const error: EngineErrorData = {
      name: 'SkippedError',
      message: `Skipped because upstream '${failed.get(blocked) ?? blocked}' did not succeed.`,
      model: step.uniqueId,
      path: step.path,
    };
    return { uniqueId: step.uniqueId, status: 'skipped', elapsedMs: 0, error };
  }
  if (step.error) {
    return {
      uniqueId: step.uniqueId,
      status: 'error',
      elapsedMs: 0,
      error: { name: 'Error', message: step.error, model: step.uniqueId, path: step.path },
    };
  }
  const started = now();
  try {
    for (const statement of step.setupSql ?? []) {
      if (setUp.has(statement)) continue;
      await run(statement);
      setUp.add(statement);
    }
    let last: Uint8Array | undefined;
    for (const file of step.files ?? []) bindings.registerFileText(file.name, file.text);
    try {
      for (const statement of step.statements) last = await run(statement);
    } finally {
      for (const file of step.files ?? []) bindings.dropFile(file.name);
    }
    // Without a count query, the last statement is a `create table … as`, whose result is the rows it wrote.
    const countResult = step.countSql ? await run(step.countSql) : last;
    const count = countResult ? firstNumber(countResult) : 0;
    if (step.kind !== 'test')
      return { uniqueId: step.uniqueId, status: 'success', elapsedMs: now() - started, rows: count };
    const failingRows = count > 0 && step.sampleSql ? await run(step.sampleSql) : undefined;
    const status = count === 0 ? 'pass' : step.severity === 'warn' ? 'warn' : 'fail';
    return { uniqueId: step.uniqueId, status, elapsedMs: now() - started, failures: count, failingRows };
  } catch (error) {
    if (isWebAssemblyFault(error)) throw error;
    if (error instanceof CancelledError) {
      const message = `Cancelled while building ${step.name}: it was stopped before it finished, and the rest of the build was skipped.`;
      const data: EngineErrorData = { name: 'CancelledError', message, model: step.uniqueId, path: step.path };
      return { uniqueId: step.uniqueId, status: 'error', elapsedMs: now() - started, error: data };
    }
    const data = toErrorData(plainError({ error, connection }));
    return {
      uniqueId: step.uniqueId,
      status: 'error',
      elapsedMs: now() - started,
      error: {
        ...data,
        model: step.uniqueId,
        path: step.path,
        line: step.rawSql
          ? locateSqlError({
              message: data.message,
              rawSql: step.rawSql,
              statementLinesBefore: LINES_BEFORE_COMPILED_SQL,
            })
          : undefined,
      },
    };
  }
}

/** The first column of the first row of an Arrow IPC result, as a number (0 when there is no row). */
function firstNumber(ipc: Uint8Array): number {
  return Number(tableFromIPC(ipc).get(0)?.toArray()[0] ?? 0);
}

function now(): number {
  return performance.now();
}
