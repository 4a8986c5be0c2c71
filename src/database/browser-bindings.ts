import { BROWSER_RUNTIME, createDuckDB, VoidLogger, type DuckDBBindings } from 'duckdb-browser-blocking';
// Served from our own build (Vite emits the files and gives their URLs): no CDN, works offline.
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';

/**
 * Open DuckDB-WASM's synchronous bindings inside this worker. `createDuckDB` picks the exception-handling
 * build when the browser supports it (all current ones do) and the MVP build otherwise. No extra worker is
 * needed: this worker is DuckDB's thread.
 */
export async function openBrowserBindings(): Promise<DuckDBBindings> {
  const bindings = await createDuckDB(
    { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  await bindings.instantiate(() => {});
  bindings.open({});
  return bindings;
}
