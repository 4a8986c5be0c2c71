import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { messageOf } from '../core/text/message-of.ts';

/**
 * DuckDB's error, said in plain words where DuckDB's own words leave a user stuck: running out of the
 * database's memory, and reaching for what the lockdown (see `lockDownStatements`) forbids. Each ends that
 * one query and leaves the database usable.
 */
export function plainError(options: { error: unknown; connection: DuckDBConnection }): Error {
  const { error, connection } = options;
  const message = messageOf(error);
  const forbidden = lockedDownError(message);
  if (forbidden) return forbidden;
  if (!/^Out of Memory Error\b/.test(message)) return error instanceof Error ? error : new Error(message);
  const plain = new Error(
    `Out of memory: this query needed more than the ${memoryLimit(connection)} the database in this tab may use. ` +
      'Filter or aggregate earlier, or add a limit; the database is still usable, and other tables are intact. ' +
      `(DuckDB: ${message})`,
  );
  plain.name = 'OutOfMemoryError';
  return plain;
}

/** The lockdown's refusals, by the words DuckDB 1.4 uses for them. */
function lockedDownError(message: string): Error | undefined {
  const what = /^Permission Error: Loading external extensions/.test(message)
    ? 'load extensions'
    : /^Permission Error:/.test(message)
      ? 'read or write files or web addresses, or attach databases (data comes in as a source or a seed)'
      : /the configuration has been locked/.test(message)
        ? 'change settings (SET, RESET and PRAGMA are refused)'
        : undefined;
  if (!what) return undefined;
  const plain = new Error(`Not allowed here: SQL cannot ${what}. The database is still usable. (DuckDB: ${message})`);
  plain.name = 'LockedDownError';
  return plain;
}

function memoryLimit(connection: DuckDBConnection): string {
  try {
    return String(connection.query("select current_setting('memory_limit') as m").get(0)?.toArray()[0] ?? 'memory');
  } catch {
    return 'memory';
  }
}
