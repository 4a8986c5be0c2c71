import type { Project } from '../project/types.ts';
import type { BuildState } from './build-session.ts';

/**
 * The tables a build leaves about itself, so reports can show data quality with plain SQL (as the
 * original's dbt artifacts and Elementary-style tables let its users): every test's latest result, every
 * source's latest load, and each contract warning. Rewritten after each build from the laid-over state, so
 * an incremental rebuild keeps the results of what it did not rerun.
 */
export const RUN_TABLES = {
  tests: 'stack__test_results',
  sources: 'stack__source_loads',
  warnings: 'stack__contract_warnings',
} as const;

/** SQL statements that (re)create the run tables from a build's state. */
export function runTablesSql(options: { project: Project; state: BuildState; builtAt: string }): string[] {
  const { project, state, builtAt } = options;
  const tests = [...state.results.values()].flatMap((result) => {
    const node = project.nodes.get(result.uniqueId);
    if (node?.resourceType !== 'test') return [];
    const tested = node.attachedNode ? project.nodes.get(node.attachedNode)?.name : undefined;
    return [
      [
        text(node.name),
        text(node.uniqueId),
        text(tested),
        text(node.columnName),
        text(node.testMetadata?.name ?? 'singular'),
        text(node.config.severity),
        text(result.status),
        integer(result.failures),
        text(result.error?.message),
        integer(Math.round(result.elapsedMs)),
        timestamp(builtAt),
      ],
    ];
  });
  const reports = [...state.reports.values()];
  const sources = reports.map((report) => {
    const node = project.nodes.get(report.uniqueId);
    const name = node?.resourceType === 'source' ? `${node.sourceName}.${node.name}` : report.uniqueId;
    return [
      text(name),
      text(report.uniqueId),
      text(report.title),
      text(report.files.map((file) => file.origin).join(', ')),
      integer(report.files.length),
      integer(report.rowsRead),
      integer(report.rowsLoaded),
      integer(report.rowsQuarantined),
      integer(report.rowsNotData.reduce((sum, entry) => sum + entry.count, 0)),
      integer(report.warnings.length),
      text(report.error),
      timestamp(report.fetchedAt),
      integer(ageInDays(report.fetchedAt, builtAt)),
    ];
  });
  const warnings = reports.flatMap((report) => {
    const node = project.nodes.get(report.uniqueId);
    const name = node?.resourceType === 'source' ? `${node.sourceName}.${node.name}` : report.uniqueId;
    return report.warnings.map((warning) => [text(name), text(warning)]);
  });
  return [
    table(RUN_TABLES.tests, TEST_COLUMNS, tests),
    table(RUN_TABLES.sources, SOURCE_COLUMNS, sources),
    table(RUN_TABLES.warnings, WARNING_COLUMNS, warnings),
  ];
}

const TEST_COLUMNS = [
  ['test_name', 'varchar'],
  ['unique_id', 'varchar'],
  ['tested_node', 'varchar'],
  ['column_name', 'varchar'],
  ['test_type', 'varchar'],
  ['severity', 'varchar'],
  ['status', 'varchar'],
  ['failures', 'bigint'],
  ['message', 'varchar'],
  ['elapsed_ms', 'bigint'],
  ['built_at', 'timestamp'],
] as const;
const SOURCE_COLUMNS = [
  ['source_name', 'varchar'],
  ['unique_id', 'varchar'],
  ['title', 'varchar'],
  ['origin', 'varchar'],
  ['files', 'bigint'],
  ['rows_read', 'bigint'],
  ['rows_loaded', 'bigint'],
  ['rows_quarantined', 'bigint'],
  ['rows_not_data', 'bigint'],
  ['warnings', 'bigint'],
  ['error', 'varchar'],
  ['fetched_at', 'timestamp'],
  ['age_days_at_build', 'bigint'],
] as const;
const WARNING_COLUMNS = [
  ['source_name', 'varchar'],
  ['warning', 'varchar'],
] as const;

/** `create or replace table` with typed columns: an empty table still has them, so reports over it run. */
function table(name: string, columns: readonly (readonly [string, string])[], rows: string[][]): string {
  const casts = columns.map(([column, type], index) => `cast(col${index} as ${type}) as ${column}`).join(', ');
  const nulls = columns.map((_, index) => `null as col${index}`).join(', ');
  const values =
    rows.length > 0
      ? `select * from (values ${rows.map((row) => `(${row.join(', ')})`).join(', ')}) as t(${columns.map((_, index) => `col${index}`).join(', ')})`
      : `select ${nulls} where false`;
  return `create or replace table ${name} as select ${casts} from (${values})`;
}

/** A string literal: quotes doubled, so no value can end the literal (DuckDB has no backslash escapes). */
function text(value: string | undefined): string {
  return value === undefined ? 'null' : `'${value.replace(/'/g, "''")}'`;
}

/** Whole days from fetching to the build (worked out here: DuckDB-WASM has no time zones for now()). */
function ageInDays(fetchedAt: string | undefined, builtAt: string): number | undefined {
  const from = fetchedAt === undefined ? Number.NaN : Date.parse(fetchedAt);
  const to = Date.parse(builtAt);
  return Number.isNaN(from) || Number.isNaN(to) ? undefined : Math.floor((to - from) / 86_400_000);
}

function integer(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'null' : String(Math.trunc(value));
}

function timestamp(value: string | undefined): string {
  return value === undefined || Number.isNaN(Date.parse(value)) ? 'null' : `'${new Date(value).toISOString()}'`;
}
