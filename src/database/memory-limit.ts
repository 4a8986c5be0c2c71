/**
 * What the database may hold in memory (DuckDB's `memory_limit`), set when it starts. DuckDB-WASM's default is
 * 80% of the 4 GiB WebAssembly address space (3.1 GiB), more than a browser gives a tab: past it the tab dies
 * or WebAssembly traps. Under this cap DuckDB refuses first, with "Out of Memory Error", which plainError says
 * in plain words and which leaves the database usable; the tab, with its JavaScript, stays under 2 GB.
 */
export const MEMORY_LIMIT = '1.25GiB';

// Tried and left out (2026-12-08): keeping tables compressed in memory (swapping the default database at start
// for `ATTACH ':memory:' AS memory (COMPRESS)`). The sample's database took 57 instead of 101 MiB, and on the
// sample ×100 in Node 315 of 317 nodes built instead of 222 (one out-of-memory error instead of two, and no
// skips), but in the browser the snapshot's merge took 150–200 ms instead of 40–80 and a whole build's steps
// about 5–10% longer (alternating builds of each): the data here is small, and every save pays for speed.
