import { WorkerEngine } from '../../src/engine/worker-client.ts';
import { defineEngineContract } from '../contract/engine-contract.ts';

// In real Chromium (Vitest browser mode): the app's own worker, DuckDB-WASM's browser build, comlink between.
defineEngineContract({
  name: 'WorkerEngine, DuckDB-WASM in a Web Worker, Chromium',
  open: async () => new WorkerEngine(),
});
