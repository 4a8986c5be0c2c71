/**
 * What the database may hold in memory (DuckDB's `memory_limit`), set when it starts. DuckDB-WASM's default is
 * 80% of the 4 GiB WebAssembly address space (3.1 GiB), more than a browser gives a tab: past it the tab dies
 * or WebAssembly traps. Under this cap DuckDB refuses first, with "Out of Memory Error", which plainError says
 * in plain words and which leaves the database usable; the tab, with its JavaScript, stays under 2 GB.
 */
export const MEMORY_LIMIT = '1.25GiB';
