/** A file of the project, by its path relative to the project root (forward slashes). */
export interface ProjectFile {
  /** Path relative to the project root, e.g. `models/staging/stg__x.sql`. */
  path: string;
  /** The file's text. */
  content: string;
}

/** How a model is materialised in the database; `snapshot` only for snapshots (src/core/snapshots). */
export type Materialization = 'view' | 'table' | 'ephemeral' | 'snapshot';

/** Test severity, as dbt spells it. */
export type Severity = 'warn' | 'error';

/** A `ref('name')` or `source('s', 't')` call found in a file, with where it stands. */
export interface Reference {
  /** The referenced model or seed name, or `source.table` for sources. */
  target: string;
  /** 1-based line of the call in the file. */
  line: number;
}

/** A column documented in YAML. */
export interface ColumnInfo {
  /** Column name as written. */
  name: string;
  /** Description, `{{ doc() }}` already resolved. */
  description: string;
  /** Declared data type, when given. */
  dataType?: string | undefined;
  /** A metric's column (metrics__ models): the models whose measures it aggregates. */
  calculatedFrom?: string[] | undefined;
}

/** Configuration resolved for one node: dbt_project.yml folder defaults, then YAML, then `config()`. */
export interface NodeConfig {
  /** Materialisation (models). */
  materialized: Materialization;
  /** Tags, merged from every level. */
  tags: string[];
  /** Custom schema; the relation goes to `main_<schema>` as dbt's default `generate_schema_name` does. */
  schema?: string | undefined;
  /** Relation name, when it differs from the node name. */
  alias?: string | undefined;
  /** Whether the node builds at all. */
  enabled: boolean;
  /** Test severity (tests). */
  severity: Severity;
  /** SQL filter applied to the tested relation (tests). */
  where?: string | undefined;
  /** Anything else set, kept for the manifest. */
  extra: Record<string, unknown>;
}

/** Fields every node of the graph has. */
interface BaseNode {
  /** dbt-style unique id, e.g. `model.<project>.<name>`. */
  uniqueId: string;
  /** Node name. */
  name: string;
  /** File that defines it. */
  path: string;
  /** 1-based line of its definition (YAML nodes), when known. */
  line?: number | undefined;
  /** dbt's fully qualified name: project, folders, name. */
  fqn: string[];
  /** Description, `{{ doc() }}` already resolved. */
  description: string;
  /** Unique ids of the nodes it reads from. */
  dependsOn: string[];
  /** Resolved configuration. */
  config: NodeConfig;
}

/** A SQL model: one `.sql` file under the model paths. */
export interface ModelNode extends BaseNode {
  /** Discriminant, as dbt's manifest spells it. */
  resourceType: 'model';
  /** The file's Jinja SQL as written. */
  rawSql: string;
  /** Models and seeds it refs. */
  refs: Reference[];
  /** Sources it reads. */
  sources: Reference[];
  /** Documented columns, by name. */
  columns: Record<string, ColumnInfo>;
  /** Schema the relation lives in. */
  schema: string;
  /** Relation name (the alias, or the model name). */
  relation: string;
  /**
   * Set for a dbt snapshot (`snapshots/`): how its history is kept. A snapshot is a model for refs, lineage
   * and selection; its unique id starts `snapshot.` and it builds by merging, not by replacing.
   */
  snapshot?: SnapshotSettings | undefined;
}

/** How a dbt snapshot keeps history (its `config`), as read by src/core/snapshots/snapshot-settings.ts. */
export interface SnapshotSettings {
  /** The columns that identify a row (`unique_key`, a column or a list of columns). */
  uniqueKey: string[];
  /** `timestamp` (a newer `updated_at` means a new version) or `check` (a change in `check_cols`). */
  strategy: 'timestamp' | 'check';
  /** The `updated_at` column: required by `timestamp`, optional for `check` (else the snapshot's time). */
  updatedAt?: string | undefined;
  /** `check` only: the columns compared, or `all` of the query's columns. */
  checkCols: string[] | 'all';
  /** What a row missing from the query does: nothing, closes its version, or adds a deleted version. */
  hardDeletes: 'ignore' | 'invalidate' | 'new_record';
}

/** A CSV file under the seed paths, loaded as a table. */
export interface SeedNode extends BaseNode {
  /** Discriminant, as dbt's manifest spells it. */
  resourceType: 'seed';
  /** The CSV text. */
  csv: string;
  /** Documented columns. */
  columns: Record<string, ColumnInfo>;
  /** Schema the table lives in. */
  schema: string;
  /** Table name. */
  relation: string;
}

/** Source freshness thresholds, dbt's shape. */
export interface Freshness {
  /** Warn when the newest row is older than this many hours. */
  warnAfterHours?: number | undefined;
  /** Error when the newest row is older than this many hours. */
  errorAfterHours?: number | undefined;
  /** Column holding each row's load time. */
  loadedAtField?: string | undefined;
  /** `warn_after` as written (count and period), for `source freshness` and sources.json. */
  warnAfter?: FreshnessThreshold | undefined;
  /** `error_after` as written. */
  errorAfter?: FreshnessThreshold | undefined;
}

/** A freshness threshold as written in YAML: `{count: 24, period: hour}` (dbt's periods: minute, hour, day). */
export interface FreshnessThreshold {
  /** How many periods. */
  count: number;
  /** The period as written; `source freshness` refuses anything but minute, hour or day. */
  period: string;
}

/** A table of a source declared in YAML: raw data the loaders put in the database. */
export interface SourceNode extends BaseNode {
  /** Discriminant, as dbt's manifest spells it. */
  resourceType: 'source';
  /** The source's name (`nsw_doe_datansw`). */
  sourceName: string;
  /** Schema the raw table lives in. */
  schema: string;
  /** The relation holding the loaded rows. */
  relation: string;
  /** Documented columns. */
  columns: Record<string, ColumnInfo>;
  /** Freshness thresholds, when declared. */
  freshness?: Freshness | undefined;
  /** Free-form `meta:` from YAML (the extract layer keeps its catalogue there). */
  meta: Record<string, unknown>;
}

/** A data test: a generic test from YAML, or a singular test SQL file. Its query returns failing rows. */
export interface TestNode extends BaseNode {
  /** Discriminant, as dbt's manifest spells it. */
  resourceType: 'test';
  /** For generic tests: the test's name and arguments. */
  testMetadata?: { name: string; kwargs: Record<string, unknown> } | undefined;
  /** The node the test is attached to (the model, seed or source it tests). */
  attachedNode?: string | undefined;
  /** The tested column, for column tests. */
  columnName?: string | undefined;
  /** Singular tests: the file's Jinja SQL. Generic tests: empty (compiled from metadata). */
  rawSql: string;
}

/** Any node of the project graph. */
export type ProjectNode = ModelNode | SeedNode | SourceNode | TestNode;

/** A problem with the project itself, pointing at the file (and line) that causes it. */
export interface ProjectError {
  /** File at fault. */
  path: string;
  /** 1-based line, when known. */
  line?: number | undefined;
  /** What is wrong and what to do, in plain words. */
  message: string;
}

/** Settings from the project file (dbt_project.yml). */
export interface ProjectSettings {
  /** Project name. */
  name: string;
  /** Folders holding models. */
  modelPaths: string[];
  /** Folders holding seeds. */
  seedPaths: string[];
  /** Folders holding singular tests. */
  testPaths: string[];
  /** Folders holding macros. */
  macroPaths: string[];
  /** Folders holding snapshots (`snapshot-paths`, dbt's default `snapshots`). */
  snapshotPaths: string[];
  /** Where artifacts go, relative to the project. */
  targetPath: string;
  /** Project variables for `var()`. */
  vars: Record<string, unknown>;
  /** The `models:` config tree. */
  modelConfig: Record<string, unknown>;
  /** The `seeds:` config tree. */
  seedConfig: Record<string, unknown>;
  /** The `data_tests:` / `tests:` config tree. */
  testConfig: Record<string, unknown>;
  /** The `snapshots:` config tree. */
  snapshotConfig: Record<string, unknown>;
}

/** A loaded project: every node, ready to be planned. */
export interface Project {
  /** Settings from the project file. */
  settings: ProjectSettings;
  /** Every node by unique id, in a stable order. */
  nodes: Map<string, ProjectNode>;
  /** Doc blocks by name. */
  docs: Map<string, string>;
  /** Jinja source of every macro file, rendered before each model so its macros are callable. */
  macroSources: ProjectFile[];
}
