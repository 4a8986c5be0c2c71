import type { Project, ProjectNode } from '../project/types.ts';

/** One column of a built relation. */
export interface CatalogColumn {
  name: string;
  /** DuckDB's type name, e.g. `VARCHAR`, `DECIMAL(10,2)`. */
  type: string;
  /** The YAML description, when the node documents the column. */
  description: string;
}

/** One relation in the database, with what the project says about it. */
export interface CatalogTable {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  /** Rows (DuckDB's count for tables; undefined for views, which are not counted). */
  rowCount: number | undefined;
  /** The node's description, when a node builds it. */
  description: string;
  /** The node that builds it, when one does. */
  nodeId: string | undefined;
  columns: CatalogColumn[];
}

/** The SQL whose rows `buildCatalog` reads: every column of every relation outside DuckDB's own schemas. */
export const CATALOG_COLUMNS_SQL = `select table_schema, table_name, column_name, data_type
from information_schema.columns
where table_catalog = current_database() and table_schema not in ('information_schema', 'pg_catalog')
order by table_schema, table_name, ordinal_position`;

/** Tables and views with DuckDB's row counts (`estimated_size` is exact for in-memory tables). */
export const CATALOG_TABLES_SQL = `select schema_name, table_name, 'table' as kind, estimated_size as row_count
from duckdb_tables() where database_name = current_database() and not internal
union all
select schema_name, view_name, 'view', null
from duckdb_views() where database_name = current_database() and not internal`;

/** The catalog browser's model: every relation, its columns and types, row counts and descriptions. */
export function buildCatalog(options: {
  columns: readonly Record<string, unknown>[];
  tables: readonly Record<string, unknown>[];
  project: Project | undefined;
}): CatalogTable[] {
  const byRelation = new Map<string, ProjectNode>();
  for (const node of options.project?.nodes.values() ?? []) {
    if ('relation' in node) byRelation.set(key(node.schema, node.relation), node);
  }
  const tables = new Map<string, CatalogTable>();
  for (const row of options.tables) {
    const schema = String(row.schema_name);
    const name = String(row.table_name);
    const node = byRelation.get(key(schema, name));
    tables.set(key(schema, name), {
      schema,
      name,
      kind: row.kind === 'view' ? 'view' : 'table',
      rowCount: row.row_count === null || row.row_count === undefined ? undefined : Number(row.row_count),
      description: node?.description ?? '',
      nodeId: node?.uniqueId,
      columns: [],
    });
  }
  for (const row of options.columns) {
    const table = tables.get(key(String(row.table_schema), String(row.table_name)));
    if (!table) continue;
    const node = table.nodeId ? options.project?.nodes.get(table.nodeId) : undefined;
    const name = String(row.column_name);
    const documented = node && 'columns' in node ? columnInfo(node.columns, name) : undefined;
    table.columns.push({ name, type: String(row.data_type), description: documented?.description ?? '' });
  }
  return [...tables.values()].sort((a, b) => a.schema.localeCompare(b.schema) || a.name.localeCompare(b.name));
}

function columnInfo(columns: Record<string, { description: string }>, name: string) {
  return (
    columns[name] ??
    Object.entries(columns).find(([documented]) => documented.toLowerCase() === name.toLowerCase())?.[1]
  );
}

function key(schema: string, name: string): string {
  return `${schema}.${name}`.toLowerCase();
}
