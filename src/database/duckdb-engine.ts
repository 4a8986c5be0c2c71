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
import { exportTable } from '../engine/export-rows.ts';
import { plainError } from './plain-error.ts';

/** Opens DuckDB bindings: the browser worker and Node each supply their own build of DuckDB-WASM. */
export type OpenBindings = () => Promise<DuckDBBindings>;

interface Database {
  bindings: DuckDBBindings;
  connection: DuckDBConnection;
  info: EngineInfo;
}

/**
 * The Engine over DuckDB-WASM's synchronous ("blocking") bindings. The same class runs inside the browser
 * worker and in Node (CLI, tests); only how the bindings are opened differs, so both give identical rows.
 */
export class DuckDbEngine implements Engine {
  readonly #openBindings: OpenBindings;
  #database: Promise<Database> | undefined;
  #locked: Promise<Database> | undefined;

  constructor(openBindings: OpenBindings) {
    this.#openBindings = openBindings;
  }

  async open(): Promise<EngineInfo> {
    return (await this.#start()).info;
  }

  async query(sql: string, params?: readonly QueryParam[]): Promise<QueryResult> {
    const { bindings, connection } = await this.#start();
    const started = now();
    try {
      const ipc = connection.useUnsafe((_, id) =>
        params === undefined ? bindings.runQuery(id, sql) : runPrepared({ bindings, connection: id, sql, params }),
      );
      return { ipc, elapsedMs: now() - started };
    } catch (error) {
      throw plainError({ error, connection });
    }
  }

  async exportRows(sql: string, format: ExportFormat, params?: readonly QueryParam[]): Promise<Uint8Array> {
    return exportTable(tableFromIPC((await this.query(sql, params)).ipc), format);
  }

  async build(steps: BuildStep[], onEvent?: (event: BuildEvent) => void): Promise<StepResult[]> {
    const { bindings, connection } = await this.#start();
    const failed = new Map<string, string>();
    const results: StepResult[] = [];
    for (const [position, step] of steps.entries()) {
      const index = position + 1;
      onEvent?.({ uniqueId: step.uniqueId, phase: 'started', index, total: steps.length });
      const result = runStep({ bindings, connection, step, failed });
      // Like dbt build: errors, skips and error-severity test failures stop what is downstream.
      if (result.status === 'error' || result.status === 'skipped' || result.status === 'fail')
        failed.set(step.uniqueId, step.name);
      results.push(result);
      onEvent?.({ uniqueId: step.uniqueId, phase: result.status, index, total: steps.length, result });
    }
    return results;
  }

  lockDown(): Promise<void> {
    // Every later call awaits the locked database, so nothing called after this runs before the lock.
    this.#locked ??= this.#start().then((database) => {
      for (const statement of lockDownStatements()) database.connection.query(statement);
      return database;
    });
    this.#database = this.#locked;
    return this.#locked.then(() => undefined);
  }

  /** Start once, lazily; every caller shares the same start. */
  #start(): Promise<Database> {
    this.#database ??= startDatabase(this.#openBindings);
    return this.#database;
  }
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
  return { bindings, connection, info: { duckdbVersion: bindings.getVersion(), startMs: now() - started } };
}

function runStep(options: {
  bindings: DuckDBBindings;
  connection: DuckDBConnection;
  step: BuildStep;
  failed: Map<string, string>;
}): StepResult {
  const { bindings, connection, step, failed } = options;
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
    for (const file of step.files ?? []) bindings.registerFileText(file.name, file.text);
    try {
      for (const statement of step.statements) connection.query(statement);
    } finally {
      for (const file of step.files ?? []) bindings.dropFile(file.name);
    }
    const count = Number(connection.query(step.countSql).get(0)?.toArray()[0] ?? 0);
    if (step.kind !== 'test')
      return { uniqueId: step.uniqueId, status: 'success', elapsedMs: now() - started, rows: count };
    const failingRows =
      count > 0 && step.sampleSql
        ? connection.useUnsafe((b, id) => b.runQuery(id, step.sampleSql as string))
        : undefined;
    const status = count === 0 ? 'pass' : step.severity === 'warn' ? 'warn' : 'fail';
    return { uniqueId: step.uniqueId, status, elapsedMs: now() - started, failures: count, failingRows };
  } catch (error) {
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

function now(): number {
  return performance.now();
}
