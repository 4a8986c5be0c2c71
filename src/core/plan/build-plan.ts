import { topoSort } from '../graph/topo-sort.ts';
import type { Project, ProjectNode, Severity, SourceNode } from '../project/types.ts';
import { LOAD_DIRECTORY } from '../sql/lockdown.ts';
import { quoteIdentifier, quoteLiteral } from '../sql/quote.ts';
import { compileNode, relationOf } from './compile-node.ts';
import { messageOf } from '../text/message-of.ts';
import { snapshotStatements } from '../snapshots/snapshot-sql.ts';
import { restoreSnapshot, type StoredSnapshot } from '../snapshots/stored-snapshot.ts';

/** Which kind of work a step does: load a source's raw file, load a seed, build a model, take a snapshot, run a test. */
export type StepKind = 'source' | 'seed' | 'model' | 'snapshot' | 'test';

/** What taking snapshots needs: the time of this run and the tables kept from earlier runs. */
export interface SnapshotRun {
  /** ISO time of this run (dbt's `snapshot_get_time()`). */
  at: string;
  /**
   * Tables kept since earlier runs, by unique id: each is restored before its snapshot runs. A string says
   * why a kept table cannot be used: that snapshot errors with it instead of starting its history again.
   */
  stored?: ReadonlyMap<string, StoredSnapshot | string> | undefined;
  /** Why no kept table can be read at all: every snapshot errors with it. */
  unavailable?: string | undefined;
  /** Snapshots only read by this build: restored (or created empty), not taken. */
  restoreOnly?: ReadonlySet<string> | undefined;
}

/** Where a test's failing rows are kept, so they can be queried after the build (dbt's store_failures). */
export const AUDIT_SCHEMA = 'main_dbt_test__audit';

/** How many failing rows a test returns to the caller (all of them stay in the audit table). */
export const FAILING_ROWS_SHOWN = 100;

/** Lines that precede the compiled SQL in a model's or test's statement (`create … as (`), for error lines. */
export const LINES_BEFORE_COMPILED_SQL = 1;

/** One unit of work. Plain data, so it can cross to the worker; all SQL is generated here, in core. */
export interface BuildStep {
  /** The node's unique id. */
  uniqueId: string;
  /** The node's name. */
  name: string;
  /** The file that defines it, for messages. */
  path: string;
  /** seed, model or test. */
  kind: StepKind;
  /** What dbt's log calls it: `view model`, `table model`, `seed file`, `test`. */
  label: string;
  /** The compiled SELECT (models, tests) or empty (seeds). */
  compiledSql: string;
  /** Files to register before the statements run (seeds and sources: their CSV), named under LOAD_DIRECTORY. */
  files?: Array<{ name: string; text: string }> | undefined;
  /**
   * Statements many steps share and that may run once per build (creating the schema the step writes to): a
   * build runs each distinct one before the first step that runs and needs it, and not again.
   */
  setupSql?: string[] | undefined;
  /** Statements that build the relation (or store a test's failing rows), run in order. */
  statements: string[];
  /**
   * A query returning one row with one count: rows built, or a test's failures. Absent when the last statement
   * is a `create table … as`, whose own result is the count of rows it wrote (no second scan of the table).
   */
  countSql?: string | undefined;
  /** Tests: a query returning the first failing rows. */
  sampleSql?: string | undefined;
  /** Tests: what a failure means. */
  severity?: Severity | undefined;
  /** Steps whose failure (or error-severity test failure) skips this one. */
  dependsOn: string[];
  /** The model or singular test file as written, so a DuckDB error can be traced to its line. */
  rawSql?: string | undefined;
  /** A failure known before running (e.g. a source whose file could not be fetched): the step errors with it. */
  error?: string | undefined;
}

/** What a step would do if planning it failed (e.g. a Jinja error only seen while compiling). */
export interface PlanError {
  /** The node. */
  uniqueId: string;
  /** Its file. */
  path: string;
  /** What went wrong. */
  message: string;
}

/**
 * Plan a build of the selected nodes in dependency order. As in `dbt build`, a model also waits for the
 * tests of its parents, so a failing error-severity test skips everything downstream of what it tests.
 */
export function planBuild(options: {
  project: Project;
  selected?: ReadonlySet<string> | undefined;
  /** Source loads to run first (from `planSourceLoad`); what reads a failed source is skipped. */
  sourceSteps?: readonly BuildStep[];
  /** For snapshots: this run's time and the kept tables (default: now, nothing kept). */
  snapshots?: SnapshotRun | undefined;
}): { steps: BuildStep[]; errors: PlanError[] } {
  const { project } = options;
  const sourceSteps = options.sourceSteps ?? [];
  const included = [...project.nodes.values()].filter(
    (node) =>
      (!options.selected || options.selected.has(node.uniqueId)) &&
      node.resourceType !== 'source' &&
      !isEphemeral(node),
  );
  const ids = new Set([...included.map((node) => node.uniqueId), ...sourceSteps.map((step) => step.uniqueId)]);
  const testsOf = new Map<string, string[]>();
  for (const node of included) {
    if (node.resourceType !== 'test') continue;
    for (const parent of node.dependsOn) testsOf.set(parent, [...(testsOf.get(parent) ?? []), node.uniqueId]);
  }
  // As in dbt build, a node waits for a test on one of its parents only when everything that test reads
  // is upstream of the node: a relationships test from a fact to a dimension reads the fact itself, and
  // waiting for it would make the fact wait for its own test (a cycle).
  const ancestors = ancestorLookup(project);
  const waitsFor = (node: ProjectNode): string[] => {
    const parents = upstreamBuildable(project, node);
    const upstream = ancestors(node.uniqueId);
    const parentTests =
      node.resourceType === 'test'
        ? []
        : parents
            .flatMap((parent) => testsOf.get(parent) ?? [])
            .filter((testId) => (project.nodes.get(testId)?.dependsOn ?? []).every((id) => upstream.has(id)));
    return [...new Set([...parents, ...parentTests])].filter((id) => ids.has(id));
  };
  const sorted = topoSort(included.map((node) => ({ id: node.uniqueId, dependsOn: waitsFor(node) })));
  if (!sorted.ok) {
    const names = sorted.cycle.map((id) => project.nodes.get(id)?.name ?? id).join(' → ');
    const first = project.nodes.get(sorted.cycle[0] as string);
    return {
      steps: [],
      errors: [
        { uniqueId: first?.uniqueId ?? '', path: first?.path ?? '', message: `The build order has a cycle: ${names}.` },
      ],
    };
  }
  const order = sorted.order;
  const steps: BuildStep[] = [...sourceSteps];
  const errors: PlanError[] = [];
  for (const id of order) {
    const node = project.nodes.get(id) as ProjectNode;
    try {
      const snapshots = options.snapshots ?? { at: new Date().toISOString() };
      steps.push(planStep({ project, node, dependsOn: waitsFor(node), snapshots }));
    } catch (error) {
      errors.push({ uniqueId: id, path: node.path, message: messageOf(error) });
    }
  }
  return { steps, errors };
}

/** The table holding a source's quarantined rows: the raw table's name with `__quarantine`. */
export function quarantineRelation(source: SourceNode): string {
  return `${quoteIdentifier(source.schema)}.${quoteIdentifier(`${source.relation}__quarantine`)}`;
}

/**
 * Plan loading a source: its accepted rows (canonical columns, `_source` per row) into the raw table as
 * text with `_load_timestamp` (typing belongs to staging, where bad values stay visible), and its
 * quarantined rows, with their reasons, into `<raw table>__quarantine`. When the data could not be had,
 * pass `error`: the step fails with it and everything downstream is skipped.
 */
export function planSourceLoad(options: {
  source: SourceNode;
  csv?: string | undefined;
  quarantineCsv?: string | undefined;
  loadedAt: string;
  error?: string | undefined;
}): BuildStep {
  const { source, csv, loadedAt } = options;
  const relation = relationOf(source) as string;
  const quarantine = quarantineRelation(source);
  const fileName = `${LOAD_DIRECTORY}source__${source.sourceName}__${source.name}.csv`;
  const quarantineFile = `${LOAD_DIRECTORY}source__${source.sourceName}__${source.name}__quarantine.csv`;
  const hasQuarantine = (options.quarantineCsv?.split('\n').filter(Boolean).length ?? 0) > 1;
  const readText = (file: string) =>
    `read_csv(${quoteLiteral(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  // A plain TIMESTAMP in UTC: TIMESTAMPTZ arithmetic needs the ICU extension, which is not available offline.
  const stamp = `${quoteLiteral(loadedAt.replace(/Z$/, ''))}::timestamp as _load_timestamp`;
  return {
    uniqueId: source.uniqueId,
    name: `${source.sourceName}.${source.name}`,
    path: source.path,
    kind: 'source',
    label: 'source',
    compiledSql: '',
    dependsOn: [],
    error: options.error ?? (csv === undefined ? `No data for source ${source.sourceName}.${source.name}.` : undefined),
    files: [
      ...(csv === undefined ? [] : [{ name: fileName, text: csv }]),
      ...(hasQuarantine && options.quarantineCsv ? [{ name: quarantineFile, text: options.quarantineCsv }] : []),
    ],
    setupSql: [createSchema(source.schema)],
    statements: [
      `create or replace table ${relation} as\nselect *, ${stamp}\nfrom ${readText(fileName)}`,
      hasQuarantine
        ? `create or replace table ${quarantine} as\nselect *, ${stamp}\nfrom ${readText(quarantineFile)}`
        : `create or replace table ${quarantine} as\nselect *, null::varchar as _reason, null::varchar as _row from ${relation} limit 0`,
    ],
    countSql: `select count(*) from ${relation}`,
  };
}

function planStep(options: {
  project: Project;
  node: ProjectNode;
  dependsOn: string[];
  snapshots: SnapshotRun;
}): BuildStep {
  const { project, node, dependsOn } = options;
  const base = { uniqueId: node.uniqueId, name: node.name, path: node.path, dependsOn };
  if (node.resourceType === 'seed') {
    const relation = relationOf(node) as string;
    const fileName = `${LOAD_DIRECTORY}seed__${node.name}.csv`;
    return {
      ...base,
      kind: 'seed',
      label: 'seed file',
      compiledSql: '',
      files: [{ name: fileName, text: node.csv }],
      setupSql: [createSchema(node.schema)],
      statements: [
        // dbt infers seed column types from the data (agate); DuckDB's CSV sniffer does the same job.
        `create or replace table ${relation} as select * from read_csv(${quoteLiteral(fileName)}, header = true, auto_detect = true)`,
      ],
    };
  }
  if (node.resourceType === 'model' && node.snapshot) {
    const relation = relationOf(node) as string;
    const compiledSql = compileNode({ project, node });
    const kept = options.snapshots.stored?.get(node.uniqueId);
    const stored = typeof kept === 'string' ? undefined : kept;
    const unusable = typeof kept === 'string' ? kept : options.snapshots.unavailable;
    const restore = stored ? restoreSnapshot({ stored, relation, name: node.name }) : undefined;
    const [createSchema, ...merge] = snapshotStatements({
      relation,
      schema: node.schema,
      sourceSql: compiledSql,
      settings: node.snapshot,
      snapshotAt: options.snapshots.at,
    });
    return {
      ...base,
      kind: 'snapshot',
      label: 'snapshot',
      compiledSql,
      rawSql: node.rawSql,
      files: restore ? [restore.file] : undefined,
      error: unusable
        ? `${unusable} Not taking snapshot ${node.name}, so its history is not started again.`
        : undefined,
      statements: [
        createSchema as string,
        ...(restore ? [restore.statement] : []),
        ...(options.snapshots.restoreOnly?.has(node.uniqueId) ? merge.slice(0, 1) : merge),
      ],
      countSql: `select count(*) from ${relation}`,
    };
  }
  if (node.resourceType === 'model') {
    const relation = relationOf(node) as string;
    const compiledSql = compileNode({ project, node });
    const kind = node.config.materialized === 'table' ? 'table' : 'view';
    return {
      ...base,
      kind: 'model',
      label: `${kind} model`,
      compiledSql,
      rawSql: node.rawSql,
      setupSql: [createSchema(node.schema)],
      statements: [`create or replace ${kind} ${relation} as (\n${stripSemicolon(compiledSql)}\n)`],
      // A view's statement writes no rows: counting them runs its query.
      countSql: kind === 'view' ? `select count(*) from ${relation}` : undefined,
    };
  }
  if (node.resourceType === 'test') {
    const compiledSql = compileNode({ project, node });
    const audit = `${quoteIdentifier(AUDIT_SCHEMA)}.${quoteIdentifier(node.name)}`;
    return {
      ...base,
      kind: 'test',
      label: 'test',
      compiledSql,
      rawSql: node.rawSql || undefined,
      setupSql: [createSchema(AUDIT_SCHEMA)],
      statements: [`create or replace table ${audit} as (\n${stripSemicolon(compiledSql)}\n)`],
      sampleSql: `select * from ${audit} limit ${FAILING_ROWS_SHOWN}`,
      severity: node.config.severity,
    };
  }
  throw new Error(`Sources are loaded, not built: ${node.uniqueId}.`);
}

/** Every node's ancestors (all depths), computed once per node. */
function ancestorLookup(project: Project): (id: string) => ReadonlySet<string> {
  const memo = new Map<string, Set<string>>();
  const visit = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const found = new Set<string>();
    memo.set(id, found); // a cycle (rejected when the project loads) cannot recurse for ever
    for (const parent of project.nodes.get(id)?.dependsOn ?? []) {
      found.add(parent);
      for (const ancestor of visit(parent)) found.add(ancestor);
    }
    return found;
  };
  return visit;
}

/** Parents that are built by a step; an ephemeral parent is looked through to its own parents. */
function upstreamBuildable(project: Project, node: ProjectNode): string[] {
  return node.dependsOn.flatMap((id) => {
    const parent = project.nodes.get(id);
    if (!parent) return [];
    return isEphemeral(parent) ? upstreamBuildable(project, parent) : [id];
  });
}

function isEphemeral(node: ProjectNode): boolean {
  return node.resourceType === 'model' && node.config.materialized === 'ephemeral';
}

function createSchema(schema: string): string {
  return `create schema if not exists ${quoteIdentifier(schema)}`;
}

function stripSemicolon(sql: string): string {
  return sql.replace(/;\s*$/, '');
}
