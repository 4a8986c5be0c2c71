/**
 * Where a source table's newest load time comes from. dbt runs `max(loaded_at_field)` on the table. Here
 * the loaders stamp `_load_timestamp` with the time of the build that loaded the rows, which says nothing
 * about the data's age (a browser build reloads files fetched days ago from its cache); what does is when
 * each file was fetched from its publisher, which the loaders record. So: a `loaded_at_field` that is a
 * column of the data is queried as dbt does; `_load_timestamp` (or none) means the newest fetched-at time
 * of the source's files, and only when no fetched-at time was recorded (a generated sample, read just now)
 * the `_load_timestamp` column itself.
 */
import { relationOf } from '../plan/compile-node.ts';
import type { SourceNode } from '../project/types.ts';
import { quoteIdentifier } from '../sql/quote.ts';

/** The audit column the loaders add to every raw table. */
export const LOAD_TIMESTAMP_COLUMN = '_load_timestamp';

/** How to find a source's newest load time: a recorded fetched-at time, or a query returning one row `max_loaded_at`. */
export type LoadedAtPlan = { fetchedAt: string } | { sql: string };

/** Decide where a source's newest load time comes from (see the module comment). */
export function planMaxLoadedAt(options: {
  source: SourceNode;
  /** Fetched-at times the loader recorded for the source's files (ISO 8601). */
  fetchedAt: readonly string[];
}): LoadedAtPlan {
  const { source } = options;
  const field = source.freshness?.loadedAtField;
  const newestFetch = [...options.fetchedAt].sort().at(-1);
  if ((field === undefined || field === LOAD_TIMESTAMP_COLUMN) && newestFetch) return { fetchedAt: newestFetch };
  return { sql: maxLoadedAtSql(source, field ?? LOAD_TIMESTAMP_COLUMN) };
}

/** `max(<field>)` over the source's raw table, as text (DuckDB's TIMESTAMP has no zone: UTC here). */
export function maxLoadedAtSql(source: SourceNode, field: string): string {
  const relation = relationOf(source) as string;
  return `select max(try_cast(${quoteIdentifier(field)} as timestamp))::varchar as max_loaded_at from ${relation}`;
}
