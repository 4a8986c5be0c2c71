import * as Comlink from 'comlink';
import type { BuildStep } from '../core/plan/build-plan.ts';
import { installErrorTransfer } from './comlink-errors.ts';
import type { BuildEvent, Engine, EngineInfo, ExportFormat, QueryParam, QueryResult, StepResult } from './contract.ts';

/**
 * The main-thread Engine: DuckDB runs in a dedicated Web Worker and every call crosses with comlink.
 * If the worker dies (a WASM trap, a failed load), every pending and later call rejects with the reason
 * instead of hanging.
 */
export class WorkerEngine implements Engine {
  readonly #worker: Worker;
  readonly #remote: Comlink.Remote<Engine>;
  readonly #crashed: Promise<never>;
  /** Resolves with the reason when the worker dies (it never does otherwise). */
  readonly stopped: Promise<Error>;

  constructor() {
    installErrorTransfer();
    this.#worker = new Worker(new URL('../worker/main.ts', import.meta.url), { type: 'module', name: 'duckdb' });
    this.#remote = Comlink.wrap<Engine>(this.#worker);
    this.#crashed = new Promise<never>((_, reject) => {
      this.#worker.addEventListener('error', (event) => {
        const error = new Error(`The database worker stopped: ${event.message || 'it could not be loaded'}.`);
        error.name = 'WorkerStoppedError';
        reject(error);
      });
    });
    this.stopped = this.#crashed.catch((error: unknown) => error as Error);
  }

  open(): Promise<EngineInfo> {
    return this.#call(this.#remote.open());
  }

  query(sql: string, params?: readonly QueryParam[]): Promise<QueryResult> {
    return this.#call(this.#remote.query(sql, params));
  }

  exportRows(sql: string, format: ExportFormat, params?: readonly QueryParam[]): Promise<Uint8Array> {
    return this.#call(this.#remote.exportRows(sql, format, params));
  }

  build(steps: BuildStep[], onEvent?: (event: BuildEvent) => void): Promise<StepResult[]> {
    return this.#call(this.#remote.build(steps, onEvent ? Comlink.proxy(onEvent) : undefined));
  }

  lockDown(): Promise<void> {
    return this.#call(this.#remote.lockDown());
  }

  cancel(): Promise<boolean> {
    return this.#call(this.#remote.cancel());
  }

  /** Stop the worker and free its memory. */
  terminate(): void {
    this.#remote[Comlink.releaseProxy]();
    this.#worker.terminate();
  }

  #call<T>(pending: Promise<T>): Promise<T> {
    return Promise.race([pending, this.#crashed]);
  }
}
