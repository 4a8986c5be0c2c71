import type { BuildStep } from '../core/plan/build-plan.ts';
import { messageOf } from '../core/text/message-of.ts';
import type { BuildEvent, Engine, EngineInfo, ExportFormat, QueryParam, QueryResult, StepResult } from './contract.ts';

/** An engine that can be thrown away: the browser's worker engine. */
export interface DisposableEngine extends Engine {
  /** Stop it and free its memory. */
  terminate(): void;
  /** Resolves with the reason if it dies on its own, between calls included. */
  readonly stopped?: Promise<Error> | undefined;
}

/** Error names that mean the engine itself is gone (not that one statement failed). */
const CRASHES = new Set(['EngineCrashedError', 'WorkerStoppedError']);

/** Whether an error means the database stopped (a dead worker, a WebAssembly fault) rather than one statement failed. */
export function isEngineCrash(error: unknown): boolean {
  return error instanceof Error && CRASHES.has(error.name);
}

/**
 * The page's engine, restarted when it dies. Every call goes to the current engine, started on first use
 * and locked down before anything else reaches it. When a call fails because the engine itself stopped
 * (its worker died, or DuckDB's WebAssembly trapped), that call fails with the reason, the dead engine is
 * thrown away, and `onRestart` is told once (also when it dies between calls), so its owner can load the sources and build again: the next
 * call starts a fresh engine. Its tables are gone; the owner's files, edits and settings are not touched.
 */
export class RestartingEngine implements Engine {
  readonly #start: () => DisposableEngine;
  readonly #onRestart: (reason: string) => void;
  #current: DisposableEngine | undefined;
  /** How many engines were started (the first one included). */
  starts = 0;

  constructor(options: { start: () => DisposableEngine; onRestart: (reason: string) => void }) {
    this.#start = options.start;
    this.#onRestart = options.onRestart;
  }

  open(): Promise<EngineInfo> {
    return this.#call((engine) => engine.open());
  }

  query(sql: string, params?: readonly QueryParam[]): Promise<QueryResult> {
    return this.#call((engine) => engine.query(sql, params));
  }

  exportRows(sql: string, format: ExportFormat, params?: readonly QueryParam[]): Promise<Uint8Array> {
    return this.#call((engine) => engine.exportRows(sql, format, params));
  }

  build(steps: BuildStep[], onEvent?: (event: BuildEvent) => void): Promise<StepResult[]> {
    return this.#call((engine) => engine.build(steps, onEvent));
  }

  /** Every engine this starts is locked down before its first call, so this only starts the engine. */
  lockDown(): Promise<void> {
    return this.#call(() => Promise.resolve());
  }

  cancel(): Promise<boolean> {
    return this.#current ? this.#current.cancel() : Promise.resolve(false);
  }

  #engine(): DisposableEngine {
    if (!this.#current) {
      const engine = this.#start();
      this.starts++;
      // A failed lock rejects every later call too (they wait for it), so the page fails closed, not open.
      engine.lockDown().catch(() => undefined);
      this.#current = engine;
      // A worker can die while idle: start again at once rather than at the next call.
      void engine.stopped?.then((error) => this.#crashed(engine, error));
    }
    return this.#current;
  }

  async #call<T>(task: (engine: DisposableEngine) => Promise<T>): Promise<T> {
    const engine = this.#engine();
    try {
      return await task(engine);
    } catch (error) {
      if (isEngineCrash(error)) this.#crashed(engine, error);
      throw error;
    }
  }

  /** Throw a dead engine away and tell the owner, once per engine however many calls saw it die. */
  #crashed(engine: DisposableEngine, error: unknown): void {
    if (this.#current !== engine) return;
    this.#current = undefined;
    engine.terminate();
    this.#onRestart(messageOf(error));
  }
}
