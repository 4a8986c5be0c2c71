import * as Comlink from 'comlink';
import type { BuildStep } from '../core/plan/build-plan.ts';
import type { BuildEvent, Engine } from '../engine/contract.ts';

/**
 * Expose an engine over comlink, transferring (not copying) Arrow result bytes to the caller. A build
 * resolves only after its every event has reached the caller.
 */
export function exposeEngine(engine: Engine): void {
  const exposed: Engine = {
    open: () => engine.open(),
    lockDown: () => engine.lockDown(),
    cancel: () => engine.cancel(),
    query: async (sql, params) => {
      const result = await engine.query(sql, params);
      return Comlink.transfer(result, [result.ipc.buffer]);
    },
    exportRows: async (sql, format, params) => {
      const bytes = await engine.exportRows(sql, format, params);
      return Comlink.transfer(bytes, [bytes.buffer]);
    },
    build: async (steps: BuildStep[], onEvent?: (event: BuildEvent) => void) => {
      // A proxied callback answers on a port of its own, so its messages can overtake the result's: wait
      // until the page has received every event, as it would from an in-process engine, before resolving.
      const delivered: Promise<unknown>[] = [];
      const forward = onEvent && ((event: BuildEvent) => void delivered.push(Promise.resolve(onEvent(event))));
      const results = await engine.build(steps, forward);
      await Promise.allSettled(delivered);
      return Comlink.transfer(
        results,
        results.flatMap((result) => (result.failingRows ? [result.failingRows.buffer] : [])),
      );
    },
  };
  Comlink.expose(exposed);
}
