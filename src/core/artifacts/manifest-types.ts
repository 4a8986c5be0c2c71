/** The shape of dbt's manifest.json (v12), as far as this project fills it. */
/** The dbt-core version whose behaviour (and artifact shapes) core follows. */
export const DBT_VERSION = '1.8.0';

/** A documented column, dbt's shape. */
export interface ManifestColumn {
  /** Column name. */
  name: string;
  /** Description, doc blocks resolved. */
  description: string;
  /** Declared data type, or null. */
  data_type: string | null;
}

/** Fields nodes and sources share. */
interface ManifestResource {
  /** dbt unique id, e.g. `model.shop.orders`. */
  unique_id: string;
  /** Node name (for sources: the table's name). */
  name: string;
  /** The project name. */
  package_name: string;
  /** Path relative to the node kind's folder (sources: the YAML file), as dbt writes it. */
  path: string;
  /** Path of the defining file relative to the project root. */
  original_file_path: string;
  /** Fully qualified name: project, folders, name. */
  fqn: string[];
  /** Schema of the relation. */
  schema: string;
  /** Database of the relation (DuckDB's in-memory catalog). */
  database: string;
  /** Description, doc blocks resolved. */
  description: string;
  /** Documented columns by name. */
  columns: Record<string, ManifestColumn>;
  /** Tags from every config level. */
  tags: string[];
  /** Fully quoted relation (`"memory"."main"."orders"`), or null for ephemeral models. */
  relation_name: string | null;
}

/** A node's config as dbt writes it; keys we do not interpret follow the known ones. */
export interface ManifestNodeConfig {
  /** `view`, `table`, `ephemeral`; `seed` for seeds and `test` for tests, as dbt says. */
  materialized: string;
  /** `config.tags`, from the node, its folder and dbt_project.yml, deduplicated. */
  tags: string[];
  /** Custom schema, or null. */
  schema: string | null;
  /** Alias, or null. */
  alias: string | null;
  /** Whether the node is enabled (disabled nodes are not loaded at all). */
  enabled: boolean;
  /** Tests: `ERROR` or `WARN`, in dbt's default spelling. */
  severity?: 'ERROR' | 'WARN';
  /** Tests: the `where:` filter, or null. */
  where?: string | null;
  /** Any other config key, as set. */
  [key: string]: unknown;
}

/** A model, seed or test in `nodes`. */
export interface ManifestNode extends ManifestResource {
  /** Kind of node. */
  resource_type: 'model' | 'seed' | 'test' | 'snapshot';
  /** Relation name (tests: their name). */
  alias: string;
  /** Resolved config. */
  config: ManifestNodeConfig;
  /** Unique ids of the nodes it reads from; we have no macro dependencies to report. */
  depends_on: { nodes: string[]; macros: string[] };
  /** Jinja SQL as written; dbt's macro call for generic tests; empty for seeds. */
  raw_code: string;
  /** Models and tests: false when compiling failed (and `compiled_code` is then absent). */
  compiled?: boolean;
  /** Models and tests: the SQL that runs, ephemeral CTEs injected. */
  compiled_code?: string;
  /** Our FNV-1a hash of the compiled SQL (seeds: the CSV) and config; what state comparison reads. */
  checksum: { name: 'fnv1a'; checksum: string };
  /** Always SQL. */
  language: 'sql';
  /** Models and tests: the models and seeds it refs. */
  refs?: Array<{ name: string; package: null; version: null }>;
  /** Models and tests: `[source, table]` pairs it reads. */
  sources?: Array<[string, string]>;
  /** Generic tests: the test and its arguments; `namespace` is the package (`dbt_utils`) or null. */
  test_metadata?: { name: string; kwargs: Record<string, unknown>; namespace: string | null };
  /** Tests: the tested column, or null. */
  column_name?: string | null;
  /** Tests: the node a generic test belongs to, or null. */
  attached_node?: string | null;
}

/** A freshness threshold; both null when not declared. */
export interface ManifestThreshold {
  /** How many periods. */
  count: number | null;
  /** `hour` (or `minute` when the threshold is not whole hours). */
  period: 'hour' | 'minute' | null;
}

/** A source table in `sources`. */
export interface ManifestSource extends ManifestResource {
  /** Always `source`. */
  resource_type: 'source';
  /** The source's name. */
  source_name: string;
  /** The raw relation's name. */
  identifier: string;
  /** Column with each row's load time, or null. */
  loaded_at_field: string | null;
  /** Freshness thresholds. */
  freshness: { warn_after: ManifestThreshold; error_after: ManifestThreshold; filter: null };
  /** Free-form `meta:`. */
  meta: Record<string, unknown>;
}

/** A `{% docs %}` block. */
export interface ManifestDoc {
  /** Block name. */
  name: string;
  /** Always `doc`. */
  resource_type: 'doc';
  /** The project name. */
  package_name: string;
  /** The text inside the block, trimmed. */
  block_contents: string;
  /** `doc.<project>.<name>`. */
  unique_id: string;
}

/** Collections dbt has that we never fill; written empty, as dbt does for a project without them. */
type EmptyCollection =
  | 'macros'
  | 'exposures'
  | 'metrics'
  | 'groups'
  | 'selectors'
  | 'disabled'
  | 'semantic_models'
  | 'saved_queries'
  | 'unit_tests';

/** dbt's manifest: the whole project graph. */
export type Manifest = { [K in EmptyCollection]: Record<string, never> } & {
  /** Who wrote it and when: schema URL, dbt version, time, invocation id, adapter, project name. */
  metadata: Record<
    'dbt_schema_version' | 'dbt_version' | 'generated_at' | 'invocation_id' | 'adapter_type' | 'project_name',
    string
  >;
  /** Models, seeds and tests by unique id, in project order. */
  nodes: Record<string, ManifestNode>;
  /** Source tables by unique id, in project order. */
  sources: Record<string, ManifestSource>;
  /** Doc blocks by unique id, sorted. */
  docs: Record<string, ManifestDoc>;
  /** Each node's and source's parents, sorted. */
  parent_map: Record<string, string[]>;
  /** Each node's and source's children, sorted. */
  child_map: Record<string, string[]>;
};
