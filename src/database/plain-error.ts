import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { messageOf } from '../core/text/message-of.ts';

/**
 * DuckDB's error, said in plain words where DuckDB's own words leave a user stuck. Today: running out of
 * the database's memory, which ends that one query and leaves the database usable.
 */
export function plainError(options: { error: unknown; connection: DuckDBConnection }): Error {
  const { error, connection } = options;
  const message = messageOf(error);
  if (!/^Out of Memory Error\b/.test(message)) return error instanceof Error ? error : new Error(message);
  const plain = new Error(
    `Out of memory: this query needed more than the ${memoryLimit(connection)} the database in this tab may use. ` +
      'Filter or aggregate earlier, or add a limit; the database is still usable, and other tables are intact. ' +
      `(DuckDB: ${message})`,
  );
  plain.name = 'OutOfMemoryError';
  return plain;
}

function memoryLimit(connection: DuckDBConnection): string {
  try {
    return String(connection.query("select current_setting('memory_limit') as m").get(0)?.toArray()[0] ?? 'memory');
  } catch {
    return 'memory';
  }
}
