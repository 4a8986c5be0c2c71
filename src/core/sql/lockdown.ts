import { quoteLiteral } from './quote.ts';

/**
 * Where a build step registers the files it loads (sources' and seeds' CSV). After the lockdown this is the
 * only place SQL may read, and a file is there only while the step that loads it runs: the step registers
 * it, runs its own generated statements and drops it again, so no user query ever finds one there.
 */
export const LOAD_DIRECTORY = '/__stack_load__/';

/**
 * The statements that lock a DuckDB database down, in order, so that SQL from the editor, a report or a
 * shared link cannot reach the network or a file, install or load an extension, attach a database file,
 * `COPY … TO` a file, or change a setting. `lock_configuration` comes last: after it, no SET, RESET or
 * settings PRAGMA can undo the others (DuckDB still lets `schema` and `search_path` change, as those only
 * name where to look). Tables built before stay queryable, and the build keeps loading its files from
 * `LOAD_DIRECTORY`, so a reload or a rebuild needs no fresh database.
 * See https://duckdb.org/docs/stable/operations_manual/securing_duckdb/overview
 */
export function lockDownStatements(): string[] {
  return [
    `SET allowed_directories = [${quoteLiteral(LOAD_DIRECTORY)}]`,
    'SET enable_external_access = false',
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    'SET allow_community_extensions = false',
    'SET lock_configuration = true',
  ];
}
