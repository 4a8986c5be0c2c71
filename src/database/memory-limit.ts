/**
 * What the database may hold in memory (DuckDB's `memory_limit`), set when it starts. DuckDB-WASM's default is
 * 80% of the 4 GiB WebAssembly address space (3.1 GiB), more than a browser gives a tab: past it the tab dies
 * or WebAssembly traps. Under this cap DuckDB refuses first, with "Out of Memory Error", which plainError says
 * in plain words and which leaves the database usable; the tab, with its JavaScript, stays under 2 GB.
 */
export const MEMORY_LIMIT = '1.25GiB';

/**
 * Keep every table compressed in memory, as an on-disk database keeps them (DuckDB's in-memory compression):
 * the bundled sample's database takes 57 MiB instead of 101 MiB, with no cost to the build measurable on this
 * machine, so more data fits under MEMORY_LIMIT. The default database cannot be made compressed in place, so
 * it is swapped, before anything is created in it, for a compressed one with the same name (`memory`, which
 * dbt's `target.database` names).
 */
export const COMPRESSED_MEMORY_DATABASE = [
  "ATTACH ':memory:' AS swap (COMPRESS)",
  'USE swap',
  'DETACH memory',
  "ATTACH ':memory:' AS memory (COMPRESS)",
  'USE memory',
  'DETACH swap',
] as const;
