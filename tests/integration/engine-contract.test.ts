import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { defineEngineContract } from '../contract/engine-contract.ts';

defineEngineContract({
  name: 'DuckDbEngine, DuckDB-WASM Node build',
  open: async () => new DuckDbEngine(openNodeBindings),
});
