/**
 * dbt's `manifest.json` (schema v12, https://schemas.getdbt.com/dbt/manifest/v12.json), so dbt-docs style
 * viewers, state comparison and data catalogues can read our project. Only the keys those tools read are
 * written; everything is plain JSON (no Map, no bigint, null rather than undefined).
 */
import { AUDIT_SCHEMA } from '../plan/build-plan.ts';
import { compileNode, nodeChecksum, relationOf } from '../plan/compile-node.ts';
import { TARGET } from '../project/jinja-context.ts';
import type { Freshness, Project, ProjectNode, ProjectSettings, SourceNode, TestNode } from '../project/types.ts';
import { quoteIdentifier } from '../sql/quote.ts';

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
  /** Tags. */
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
  resource_type: 'model' | 'seed' | 'test';
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

/** Build dbt's manifest for a loaded project. Compiling a node that fails marks it `compiled: false`. */
export function buildManifest(options: { project: Project; generatedAt: string; invocationId: string }): Manifest {
  const { project } = options;
  const nodes: Record<string, ManifestNode> = {};
  const sources: Record<string, ManifestSource> = {};
  for (const node of project.nodes.values()) {
    if (node.resourceType === 'source') sources[node.uniqueId] = sourceEntry(project, node);
    else nodes[node.uniqueId] = nodeEntry(project, node);
  }
  const { parents, children } = lineage(project);
  const metadata = {
    dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
    dbt_version: DBT_VERSION,
    generated_at: options.generatedAt,
    invocation_id: options.invocationId,
    adapter_type: TARGET.type,
    project_name: project.settings.name,
  };
  return {
    metadata,
    nodes,
    sources,
    macros: {},
    docs: docEntries(project),
    exposures: {},
    metrics: {},
    groups: {},
    selectors: {},
    disabled: {},
    parent_map: parents,
    child_map: children,
    semantic_models: {},
    saved_queries: {},
    unit_tests: {},
  };
}

type BuiltNode = Exclude<ProjectNode, SourceNode>;

function nodeEntry(project: Project, node: BuiltNode): ManifestNode {
  const entry: ManifestNode = {
    ...resourceFields(project, node),
    resource_type: node.resourceType,
    ...placement(project.settings, node),
    config: configOf(node),
    depends_on: { nodes: [...node.dependsOn], macros: [] },
    raw_code: node.resourceType === 'seed' ? '' : rawCode(node),
    ...(node.resourceType !== 'seed' && compiled(project, node)),
    checksum: { name: 'fnv1a', checksum: nodeChecksum({ project, node }) },
    language: 'sql',
  };
  if (node.resourceType === 'seed') return entry;
  const refs = references(project, node.dependsOn);
  return node.resourceType === 'model' ? { ...entry, ...refs } : { ...entry, ...refs, ...testFields(node) };
}

/** Where dbt says a node lives. Generic tests get a made-up file name; tests keep failing rows in the audit schema. */
function placement(settings: ProjectSettings, node: BuiltNode) {
  if (node.resourceType === 'test') {
    return {
      path: node.testMetadata ? `${node.name}.sql` : relativeTo(node.path, settings.testPaths),
      alias: node.name,
      schema: AUDIT_SCHEMA,
      relation_name: qualified(`${quoteIdentifier(AUDIT_SCHEMA)}.${quoteIdentifier(node.name)}`),
    };
  }
  const roots = node.resourceType === 'seed' ? settings.seedPaths : settings.modelPaths;
  return {
    path: relativeTo(node.path, roots),
    alias: node.relation,
    schema: node.schema,
    relation_name: relationName(node),
  };
}

function testFields(node: TestNode): Pick<ManifestNode, 'test_metadata' | 'column_name' | 'attached_node'> {
  const name = node.testMetadata?.name ?? '';
  const dot = name.lastIndexOf('.');
  return {
    ...(node.testMetadata && {
      test_metadata: {
        name: name.slice(dot + 1),
        kwargs: { ...node.testMetadata.kwargs },
        namespace: dot < 0 ? null : name.slice(0, dot),
      },
    }),
    column_name: node.columnName ?? null,
    attached_node: node.attachedNode ?? null,
  };
}

function sourceEntry(project: Project, node: SourceNode): ManifestSource {
  return {
    ...resourceFields(project, node),
    resource_type: 'source',
    source_name: node.sourceName,
    identifier: node.relation,
    path: node.path,
    schema: node.schema,
    relation_name: relationName(node),
    loaded_at_field: node.freshness?.loadedAtField ?? null,
    freshness: freshnessOf(node.freshness),
    meta: { ...node.meta },
  };
}

function resourceFields(project: Project, node: ProjectNode) {
  return {
    unique_id: node.uniqueId,
    name: node.name,
    package_name: project.settings.name,
    original_file_path: node.path,
    fqn: [...node.fqn],
    database: TARGET.database,
    description: node.description,
    columns: node.resourceType === 'test' ? {} : columnsOf(node.columns),
    tags: [...node.config.tags],
  };
}

function configOf(node: BuiltNode): ManifestNodeConfig {
  const { config } = node;
  const extra = Object.keys(config.extra).sort();
  return {
    materialized: node.resourceType === 'model' ? config.materialized : node.resourceType,
    tags: [...config.tags],
    schema: config.schema ?? null,
    alias: config.alias ?? null,
    enabled: config.enabled,
    ...(node.resourceType === 'test' && {
      severity: config.severity === 'warn' ? 'WARN' : 'ERROR',
      where: config.where ?? null,
    }),
    ...Object.fromEntries(extra.map((key) => [key, config.extra[key]])),
  };
}

/** dbt's raw code for a generic test is a call of its macro; other nodes keep their file's text. */
function rawCode(node: Exclude<BuiltNode, { resourceType: 'seed' }>): string {
  if (node.resourceType === 'model' || !node.testMetadata) return node.rawSql;
  const name = node.testMetadata.name;
  const dot = name.lastIndexOf('.');
  return `{{ ${name.slice(0, dot + 1)}test_${name.slice(dot + 1)}(**_dbt_generic_test_kwargs) }}`;
}

function compiled(project: Project, node: Exclude<BuiltNode, { resourceType: 'seed' }>) {
  try {
    return { compiled: true, compiled_code: compileNode({ project, node }) };
  } catch {
    return { compiled: false };
  }
}

function references(project: Project, dependsOn: readonly string[]): Pick<ManifestNode, 'refs' | 'sources'> {
  const refs: NonNullable<ManifestNode['refs']> = [];
  const sources: NonNullable<ManifestNode['sources']> = [];
  for (const id of dependsOn) {
    const parent = project.nodes.get(id);
    if (parent?.resourceType === 'source') sources.push([parent.sourceName, parent.name]);
    else if (parent) refs.push({ name: parent.name, package: null, version: null });
  }
  return { refs, sources };
}

function lineage(project: Project): { parents: Record<string, string[]>; children: Record<string, string[]> } {
  const parents: Record<string, string[]> = {};
  const children: Record<string, string[]> = {};
  for (const node of project.nodes.values()) {
    parents[node.uniqueId] = [...new Set(node.dependsOn)].sort();
    children[node.uniqueId] = [];
  }
  for (const [id, ids] of Object.entries(parents)) for (const parent of ids) (children[parent] ??= []).push(id);
  for (const ids of Object.values(children)) ids.sort();
  return { parents, children };
}

function docEntries(project: Project): Record<string, ManifestDoc> {
  const package_name = project.settings.name;
  const docs: Record<string, ManifestDoc> = {};
  for (const name of [...project.docs.keys()].sort()) {
    const unique_id = `doc.${package_name}.${name}`;
    docs[unique_id] = {
      name,
      resource_type: 'doc',
      package_name,
      block_contents: project.docs.get(name) ?? '',
      unique_id,
    };
  }
  return docs;
}

function columnsOf(columns: SourceNode['columns']): Record<string, ManifestColumn> {
  return Object.fromEntries(
    Object.values(columns).map((c) => [
      c.name,
      { name: c.name, description: c.description, data_type: c.dataType ?? null },
    ]),
  );
}

/** dbt writes thresholds as a count of periods; whole hours stay hours, anything finer becomes minutes. */
function freshnessOf(freshness: Freshness | undefined): ManifestSource['freshness'] {
  const threshold = (hours: number | undefined): ManifestThreshold => {
    if (hours === undefined) return { count: null, period: null };
    if (Number.isInteger(hours)) return { count: hours, period: 'hour' };
    return { count: Math.round(hours * 60), period: 'minute' };
  };
  return {
    warn_after: threshold(freshness?.warnAfterHours),
    error_after: threshold(freshness?.errorAfterHours),
    filter: null,
  };
}

function relationName(node: ProjectNode): string | null {
  const relation = relationOf(node);
  return relation ? qualified(relation) : null;
}

function qualified(relation: string): string {
  return `${quoteIdentifier(TARGET.database)}.${relation}`;
}

function relativeTo(path: string, roots: readonly string[]): string {
  const root = roots.find((folder) => path.startsWith(`${folder}/`));
  return root ? path.slice(root.length + 1) : path;
}
