import type { Engine } from '../engine/contract.ts';
import { WorkerEngine } from '../engine/worker-client.ts';

let engine: Engine | undefined;

/** The page's one engine: the worker starts on first use and is shared by every caller. */
export function getEngine(): Engine {
  engine ??= new WorkerEngine();
  return engine;
}
