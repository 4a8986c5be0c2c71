import type { SnapshotSettings } from '../project/types.ts';
import { quoteIdentifier as q, quoteLiteral } from '../sql/quote.ts';

/** The columns dbt adds to a snapshot, by their default names. */
export const SNAPSHOT_COLUMNS = {
  scdId: 'dbt_scd_id',
  updatedAt: 'dbt_updated_at',
  validFrom: 'dbt_valid_from',
  validTo: 'dbt_valid_to',
  isDeleted: 'dbt_is_deleted',
} as const;

/** Columns of the staging table that never reach the snapshot. */
const CHANGE_TYPE = 'dbt_change_type';
const CHECK_ROW = 'dbt_check_row';

/**
 * The statements that take a snapshot, following dbt 1.9's snapshot materialisation (dbt-adapters'
 * `snapshot_staging_table` and `snapshot_merge_sql`) in DuckDB's dialect:
 *
 * 1. create the snapshot table empty if it does not exist (dbt's first run inserts every row, which the
 *    merge below does into the empty table);
 * 2. build a staging table of changes: `insert` (new keys, and a new version of a changed row), `update`
 *    (close the current version of a changed row), `delete` (close a row gone from the query) and, with
 *    `hard_deletes: new_record`, an inserted deleted version;
 * 3. close versions (`dbt_valid_to`) and insert new ones; drop the staging table.
 *
 * `snapshotAt` is the snapshot's time (dbt's `snapshot_get_time()`), a timestamp without time zone:
 * DuckDB-WASM has no time zone support offline, and a fixed value makes a run reproducible.
 */
export function snapshotStatements(options: {
  /** The snapshot's quoted relation. */
  relation: string;
  /** Its schema, created if missing. */
  schema: string;
  /** The snapshot's compiled query. */
  sourceSql: string;
  settings: SnapshotSettings;
  /** ISO time of this snapshot. */
  snapshotAt: string;
}): string[] {
  const { relation, settings } = options;
  const staging = q(`${unquotedName(relation)}__dbt_tmp`);
  const c = SNAPSHOT_COLUMNS;
  const now = `${quoteLiteral(options.snapshotAt.replace(/Z$/, '').replace('T', ' '))}::timestamp`;
  const updatedAt = settings.updatedAt ? q(settings.updatedAt) : now;
  const keys = settings.uniqueKey.map((column, index) => ({
    column: q(column),
    alias: q(`dbt_unique_key_${index + 1}`),
  }));
  const keyFields = keys.map((key) => `${key.column} as ${key.alias}`).join(', ');
  const joinOn = keys.map((key) => `snapshotted_data.${key.alias} = source_data.${key.alias}`).join(' and ');
  const isNull = (side: string) => keys.map((key) => `${side}.${key.alias} is null`).join(' and ');
  const hash = (args: string[]) =>
    `md5(${args.map((arg) => `coalesce(cast(${arg} as varchar), '')`).join(" || '|' || ")})`;
  const scdId = hash([...keys.map((key) => key.column), updatedAt]);
  const newRecord = settings.hardDeletes === 'new_record';
  const deletes = settings.hardDeletes !== 'ignore';
  const dbtColumns = [c.scdId, c.updatedAt, c.validFrom, c.validTo, ...(newRecord ? [c.isDeleted] : [])].map(q);
  const checkAll = settings.strategy === 'check' && settings.checkCols === 'all';
  const changed = `(${rowChanged(settings)}${newRecord ? ` or snapshotted_data.${q(c.isDeleted)} = 'True'` : ''})`;
  const staged = [
    `snapshot_query as (\n${options.sourceSql.replace(/;\s*$/, '')}\n)`,
    `snapshotted_data as (\n  select *, ${keyFields}${checkAll ? `, row(*columns(* exclude (${dbtColumns.join(', ')}))) as ${q(CHECK_ROW)}` : ''}\n  from ${relation}\n  where ${q(c.validTo)} is null\n)`,
    `insertions_source_data as (\n  select *, ${keyFields},${checkRow(checkAll)} ${updatedAt} as ${q(c.updatedAt)}, ${updatedAt} as ${q(c.validFrom)}, nullif(${updatedAt}, ${updatedAt}) as ${q(c.validTo)}, ${scdId} as ${q(c.scdId)}\n  from snapshot_query\n)`,
    `updates_source_data as (\n  select *, ${keyFields},${checkRow(checkAll)} ${updatedAt} as ${q(c.updatedAt)}, ${updatedAt} as ${q(c.validFrom)}, ${updatedAt} as ${q(c.validTo)}\n  from snapshot_query\n)`,
    `insertions as (\n  select 'insert' as ${q(CHANGE_TYPE)}, source_data.*${newRecord ? `, 'False' as ${q(c.isDeleted)}` : ''}\n  from insertions_source_data as source_data\n  left outer join snapshotted_data on ${joinOn}\n  where ${isNull('snapshotted_data')} or ${changed}\n)`,
    `updates as (\n  select 'update' as ${q(CHANGE_TYPE)}, source_data.*, snapshotted_data.${q(c.scdId)}\n  from updates_source_data as source_data\n  join snapshotted_data on ${joinOn}\n  where ${changed}\n)`,
  ];
  const parts = ['insertions', 'updates'];
  if (deletes) {
    // A row whose latest version is already a deleted record stays as it is (dbt: "avoid updating the
    // record's valid_to if the latest entry is marked as deleted").
    const notDeletedYet = newRecord ? ` and not (snapshotted_data.${q(c.isDeleted)} = 'True')` : '';
    staged.push(
      `deletes_source_data as (\n  select *, ${keyFields}\n  from snapshot_query\n)`,
      `deletes as (\n  select 'delete' as ${q(CHANGE_TYPE)}, ${now} as ${q(c.validFrom)}, ${now} as ${q(c.updatedAt)}, ${now} as ${q(c.validTo)}, snapshotted_data.${q(c.scdId)}\n  from snapshotted_data\n  left join deletes_source_data as source_data on ${joinOn}\n  where ${isNull('source_data')}${notDeletedYet}\n)`,
    );
    parts.push('deletes');
    if (newRecord) {
      staged.push(
        `deletion_records as (\n  select 'insert' as ${q(CHANGE_TYPE)}, snapshotted_data.* exclude (${[...dbtColumns, ...(checkAll ? [q(CHECK_ROW)] : [])].join(', ')}), ${now} as ${q(c.validFrom)}, ${now} as ${q(c.updatedAt)}, snapshotted_data.${q(c.validTo)}, ${hash([`snapshotted_data.${q(c.scdId)}`, now])} as ${q(c.scdId)}, 'True' as ${q(c.isDeleted)}\n  from snapshotted_data\n  left join deletes_source_data as source_data on ${joinOn}\n  where ${isNull('source_data')}${notDeletedYet}\n)`,
      );
      parts.push('deletion_records');
    }
  }
  const internal = [q(CHANGE_TYPE), ...keys.map((key) => key.alias)];
  // The compared row is an unnamed struct, which a table cannot hold: it stays inside the CTEs.
  const selectPart = (part: string) =>
    checkAll && part !== 'deletes' && part !== 'deletion_records'
      ? `select * exclude (${q(CHECK_ROW)}) from ${part}`
      : `select * from ${part}`;
  return [
    `create schema if not exists ${q(options.schema)}`,
    `create table if not exists ${relation} as\nselect *, ${scdId} as ${q(c.scdId)}, ${updatedAt} as ${q(c.updatedAt)}, ${updatedAt} as ${q(c.validFrom)}, nullif(${updatedAt}, ${updatedAt}) as ${q(c.validTo)}${newRecord ? `, 'False' as ${q(c.isDeleted)}` : ''}\nfrom (\n${options.sourceSql.replace(/;\s*$/, '')}\n) as snapshot_query\nlimit 0`,
    `create or replace temp table ${staging} as\nwith ${staged.join(',\n')}\n${parts.map(selectPart).join('\nunion all by name\n')}`,
    `update ${relation} as dbt_internal_dest\nset ${q(c.validTo)} = dbt_internal_source.${q(c.validTo)}\nfrom ${staging} as dbt_internal_source\nwhere dbt_internal_source.${q(c.scdId)} = dbt_internal_dest.${q(c.scdId)}\n  and dbt_internal_source.${q(CHANGE_TYPE)} in ('update', 'delete')\n  and dbt_internal_dest.${q(c.validTo)} is null`,
    `insert into ${relation} by name\nselect * exclude (${internal.join(', ')})\nfrom ${staging}\nwhere ${q(CHANGE_TYPE)} = 'insert'`,
    `drop table ${staging}`,
  ];

  function checkRow(all: boolean): string {
    // The query's own columns only: `columns(*)` reads the FROM clause, not the key aliases beside it.
    return all ? ` row(*columns(*)) as ${q(CHECK_ROW)},` : '';
  }
}

/** dbt's `row_changed`: a newer `updated_at` (timestamp), or any checked column that differs, nulls included (check). */
function rowChanged(settings: SnapshotSettings): string {
  if (settings.strategy === 'timestamp')
    return `snapshotted_data.${q(SNAPSHOT_COLUMNS.validFrom)} < source_data.${q(settings.updatedAt ?? '')}`;
  if (settings.checkCols === 'all')
    return `snapshotted_data.${q(CHECK_ROW)} is distinct from source_data.${q(CHECK_ROW)}`;
  return settings.checkCols
    .map((column) => `snapshotted_data.${q(column)} is distinct from source_data.${q(column)}`)
    .join(' or ');
}

/** The last part of a quoted relation, unquoted: the staging table is named after it. */
function unquotedName(relation: string): string {
  const last = /"((?:[^"]|"")*)"$/.exec(relation)?.[1];
  return (last ?? relation).replaceAll('""', '"');
}
