import type { Engine } from '../engine/contract.ts';
import { RestartingEngine } from '../engine/restarting-engine.ts';
import { WorkerEngine } from '../engine/worker-client.ts';

const restartListeners = new Set<(reason: string) => void>();

const engine = new RestartingEngine({
  start: () => new WorkerEngine(),
  onRestart: (reason) => {
    for (const listener of restartListeners) listener(reason);
  },
});

/**
 * The page's one engine: the worker starts on first use and is shared by every caller. Each worker is
 * locked down before anything else reaches it, so no SQL the page runs (the editor's, a report's, a
 * shared link's) can read the network or files, load extensions or change settings; the build still
 * loads its sources. When the worker dies it is started again on the next call (see `onEngineRestart`).
 */
export function getEngine(): Engine {
  return engine;
}

/** Be told, with the reason, when the database stopped and its tables are gone (the next call starts afresh). */
export function onEngineRestart(listener: (reason: string) => void): () => void {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}
