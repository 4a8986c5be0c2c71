import * as Comlink from 'comlink';
import type { BuildStep } from '../core/plan/build-plan.ts';
import type { BuildEvent, Engine } from '../engine/contract.ts';

/**
 * Expose an engine over comlink, transferring (not copying) Arrow result bytes to the caller.
 */
export function exposeEngine(engine: Engine): void {
  const exposed: Engine = {
    open: () => engine.open(),
    query: async (sql: string) => {
      const result = await engine.query(sql);
      return Comlink.transfer(result, [result.ipc.buffer]);
    },
    build: async (steps: BuildStep[], onEvent?: (event: BuildEvent) => void) => {
      const results = await engine.build(steps, onEvent);
      return Comlink.transfer(
        results,
        results.flatMap((result) => (result.failingRows ? [result.failingRows.buffer] : [])),
      );
    },
  };
  Comlink.expose(exposed);
}
