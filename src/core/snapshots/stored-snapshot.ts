import { LOAD_DIRECTORY } from '../sql/lockdown.ts';
import { quoteIdentifier as q, quoteLiteral } from '../sql/quote.ts';

/**
 * A snapshot's table as kept between runs (the CLI's target folder, the browser's IndexedDB): each column's
 * DuckDB type and every value as DuckDB's own text for it, so a restore casts back to exactly the same
 * values; `null` stays apart from the empty string. Plain JSON, so it is stored as it is.
 */
export interface StoredSnapshot {
  /** The snapshot's unique id (`snapshot.<project>.<name>`). */
  uniqueId: string;
  /** Columns in table order, with their DuckDB types (`VARCHAR`, `DOUBLE`, `TIMESTAMP`…). */
  columns: Array<{ name: string; type: string }>;
  /** Rows, each value DuckDB's text for it (`cast(value as varchar)`) or null. */
  rows: Array<Array<string | null>>;
  /** When it was kept (ISO time). */
  savedAt: string;
}

/** The text DuckDB's CSV reader takes for NULL in a restore file (a quoted `"\N"` stays text). */
const NULL_TEXT = '\\N';

/** A query for a snapshot table's column names and types, in table order (read by `storedSnapshotFrom`). */
export function snapshotColumnsSql(options: { schema: string; table: string }): string {
  return `select column_name, data_type from information_schema.columns where table_schema = ${quoteLiteral(options.schema)} and table_name = ${quoteLiteral(options.table)} order by ordinal_position`;
}

/** A query for a snapshot table's rows with every value as text, in a stable order. */
export function snapshotRowsSql(relation: string): string {
  return `select columns(*)::varchar from ${relation} order by ${q('dbt_valid_from')}, ${q('dbt_scd_id')}`;
}

/**
 * What restores a kept snapshot table before the snapshot runs: the file to register (a CSV where every
 * value is quoted and NULL is a bare `\N`) and the statement that reads it back with each column cast to
 * its type. It replaces the table, so the stored history wins over whatever an earlier build left.
 */
export function restoreSnapshot(options: { stored: StoredSnapshot; relation: string; name: string }): {
  file: { name: string; text: string };
  statement: string;
} {
  const { stored } = options;
  const fileName = `${LOAD_DIRECTORY}snapshot__${options.name}.csv`;
  const header = stored.columns.map((column) => csvText(column.name)).join(',');
  const lines = stored.rows.map((row) => row.map((value) => (value === null ? NULL_TEXT : csvText(value))).join(','));
  const types = stored.columns.map((column) => `${quoteLiteral(column.name)}: 'VARCHAR'`).join(', ');
  const casts = stored.columns.map((column) => `cast(${q(column.name)} as ${column.type}) as ${q(column.name)}`);
  return {
    file: { name: fileName, text: `${[header, ...lines].join('\n')}\n` },
    statement: `create or replace table ${options.relation} as\nselect ${casts.join(', ')}\nfrom read_csv(${quoteLiteral(fileName)}, header = true, delim = ',', quote = '"', escape = '"', nullstr = ${quoteLiteral(NULL_TEXT)}, allow_quoted_nulls = false, columns = {${types}})`,
  };
}

/** Check a value read back from storage before it is trusted: the shape, not the history's meaning. */
export function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  const candidate = value as Partial<StoredSnapshot> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.uniqueId === 'string' &&
    Array.isArray(candidate.columns) &&
    candidate.columns.every(
      (column) => typeof column?.name === 'string' && /^[A-Za-z0-9_ ()[\],.]+$/.test(String(column.type)),
    ) &&
    Array.isArray(candidate.rows) &&
    candidate.rows.every(
      (row) =>
        Array.isArray(row) &&
        row.length === candidate.columns?.length &&
        row.every((value) => value === null || typeof value === 'string'),
    )
  );
}

function csvText(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}
