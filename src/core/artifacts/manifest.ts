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

export * from './manifest-types.ts';
import {
  DBT_VERSION,
  type Manifest,
  type ManifestColumn,
  type ManifestDoc,
  type ManifestNode,
  type ManifestNodeConfig,
  type ManifestSource,
  type ManifestThreshold,
} from './manifest-types.ts';

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
    resource_type: node.resourceType === 'model' && node.snapshot ? 'snapshot' : node.resourceType,
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
  const roots =
    node.resourceType === 'seed'
      ? settings.seedPaths
      : node.resourceType === 'model' && node.snapshot
        ? settings.snapshotPaths
        : settings.modelPaths;
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
