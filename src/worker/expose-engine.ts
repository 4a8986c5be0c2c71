import * as Comlink from 'comlink';
import type { BuildStep } from '../core/plan/build-plan.ts';
import type { BuildEvent, Engine, LoadRequest } from '../engine/contract.ts';

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
    loadCsv: (request: LoadRequest) => engine.loadCsv(request),
    build: (steps: BuildStep[], onEvent?: (event: BuildEvent) => void) => engine.build(steps, onEvent),
  };
  Comlink.expose(exposed);
}
