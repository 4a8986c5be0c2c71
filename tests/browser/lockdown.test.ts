import { WorkerEngine } from '../../src/engine/worker-client.ts';
import { defineLockdownContract } from '../contract/lockdown-contract.ts';

// In real Chromium: the app's own worker and DuckDB-WASM's browser build, locked down as the page locks it.
defineLockdownContract({
  name: 'WorkerEngine, DuckDB-WASM in a Web Worker, Chromium',
  open: async () => new WorkerEngine(),
});
