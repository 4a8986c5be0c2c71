import type { Engine } from '../engine/contract.ts';
import { WorkerEngine } from '../engine/worker-client.ts';

let engine: Engine | undefined;

/**
 * The page's one engine: the worker starts on first use and is shared by every caller. It is locked down
 * before anything else reaches it, so no SQL the page runs (the editor's, a report's, a shared link's) can
 * read the network or files, load extensions or change settings; the build still loads its sources.
 */
export function getEngine(): Engine {
  if (!engine) {
    engine = new WorkerEngine();
    // A failed lock rejects every later call too (they await it), so the page fails closed, not open.
    engine.lockDown().catch(() => undefined);
  }
  return engine;
}
