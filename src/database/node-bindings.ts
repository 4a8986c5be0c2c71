import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as DuckDB from '@duckdb/duckdb-wasm/blocking';

const require = createRequire(import.meta.url);

/**
 * Open DuckDB-WASM's Node build: the same WebAssembly and the same synchronous bindings API as the browser
 * worker uses, so the CLI and the tests produce the rows the browser produces.
 */
export async function openNodeBindings(): Promise<DuckDB.DuckDBBindings> {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof DuckDB;
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bindings = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await bindings.instantiate(() => {});
  bindings.open({});
  return bindings;
}
