import { configFromTree, mergeConfig } from '../project/node-config.ts';
import type { NodePatch, SchemaDeclarations } from '../project/parse-schema-files.ts';
import type { ColumnInfo, ModelNode, Project, ProjectError } from '../project/types.ts';
import { compileSavedQuery } from './compile-saved-query.ts';
import { aggregatesOf, modelsRead, planSavedQuery, type QueryPlan } from './plan-saved-query.ts';
import { readSemanticLayer } from './read-semantic-layer.ts';
import { didYouMean, resolveMetrics } from './resolve-metrics.ts';
import type { Metric, SavedQuery, SemanticLayer } from './types.ts';

/** Prefix of the models built from saved queries. */
export const SAVED_QUERY_PREFIX = 'metrics__';

/** What {@link buildMetricModels} needs from the project loader. */
export interface MetricModelOptions {
  /** The project, with its SQL models and seeds already loaded. */
  project: Project;
  /** The YAML declarations (semantic layer lists, and model patches for the saved queries' models). */
  schema: SchemaDeclarations;
  /** Where problems go. */
  errors: ProjectError[];
  /** Renders `{{ doc() }}` in descriptions. */
  describe: (text: string, path: string) => string;
  /** dbt's generate_schema_name: the relation's schema for a custom schema. */
  schemaName: (custom: string | undefined) => string;
}

/**
 * Turn the semantic layer's YAML into model nodes: each saved query becomes the table model
 * `metrics__<saved query>` (tag `metrics`) whose SQL is generated and refs the facts it reads, with one
 * documented column per group-by key and per metric. Every semantic model and metric is checked, used or
 * not; problems go to `errors` with their file and line. Call it once the SQL models are loaded, so the
 * semantic models' `ref()`s can be checked.
 */
export function buildMetricModels(options: MetricModelOptions): ModelNode[] {
  const { project, schema, errors } = options;
  const read = readSemanticLayer(schema);
  errors.push(...read.errors);
  const { layer } = read;
  const names = [...project.nodes.values()]
    .filter((node) => node.resourceType === 'model' || node.resourceType === 'seed')
    .map((node) => node.name);
  for (const model of layer.semanticModels.values())
    if (!names.includes(model.model))
      errors.push({
        path: model.path,
        line: model.modelLine ?? model.line,
        message: `Semantic model '${model.name}' reads unknown model '${model.model}'.${didYouMean(model.model, names)}`,
      });
  const resolved = resolveMetrics(layer);
  errors.push(...resolved.errors);
  const nodes: ModelNode[] = [];
  for (const query of layer.savedQueries) {
    const { plan, errors: planErrors } = planSavedQuery({ query, layer, values: resolved.values });
    errors.push(...planErrors);
    // A saved query over an unknown model is reported above, once, at the semantic model.
    if (plan && modelsRead(plan).every((model) => names.includes(model)))
      nodes.push(modelNode({ ...options, plan, layer }));
  }
  return nodes;
}

function modelNode(options: MetricModelOptions & { plan: QueryPlan; layer: SemanticLayer }): ModelNode {
  const { project, plan, errors } = options;
  const { query } = plan;
  const name = `${SAVED_QUERY_PREFIX}${query.name}`;
  const { sql, refs } = compileSavedQuery(plan);
  const settings = project.settings;
  const root = settings.modelPaths.find((folder) => query.path.startsWith(`${folder}/`)) ?? '';
  const folders = query.path
    .slice(root.length + 1)
    .split('/')
    .slice(0, -1);
  const fqn = [settings.name, ...folders, name];
  const patch = options.schema.models.get(name);
  const { config, problems } = mergeConfig({
    layers: [
      { materialized: 'table', tags: ['metrics'] },
      ...configFromTree({ tree: settings.modelConfig, fqn }),
      query.config,
      patch?.config ?? {},
    ],
    defaults: { materialized: 'table' },
  });
  errors.push(...problems.map((message) => ({ path: query.path, line: query.line, message })));
  const refLine = (model: string) =>
    [...options.layer.semanticModels.values()].find((m) => m.model === model)?.modelLine ?? query.line ?? 1;
  return {
    resourceType: 'model',
    uniqueId: `model.${settings.name}.${name}`,
    name,
    path: query.path,
    line: query.line,
    fqn,
    description: options.describe(patch?.description || query.description || defaultDescription(query), query.path),
    dependsOn: [],
    config,
    rawSql: `${sql}\n`,
    refs: refs.map((target) => ({ target, line: refLine(target) })),
    sources: [],
    columns: { ...describeColumns({ ...options, plan }), ...patchColumns(options, patch) },
    schema: options.schemaName(config.schema),
    relation: config.alias ?? name,
  };
}

function patchColumns(options: MetricModelOptions, patch: NodePatch | undefined): Record<string, ColumnInfo> {
  const columns = Object.values(patch?.columns ?? {}).map((column) => [
    column.name,
    { ...column, description: options.describe(column.description, patch?.path ?? '') },
  ]);
  return Object.fromEntries(columns) as Record<string, ColumnInfo>;
}

function defaultDescription(query: SavedQuery): string {
  return `Saved query ${query.name}: ${query.metrics.map((m) => m.name).join(', ')}.`;
}

/** One column per group-by key and per metric, with the metric's description (or label). */
function describeColumns(options: {
  plan: QueryPlan;
  layer: SemanticLayer;
  describe: MetricModelOptions['describe'];
}): Record<string, ColumnInfo> {
  const { plan, layer, describe } = options;
  const columns: Record<string, ColumnInfo> = {};
  for (const key of plan.keys) {
    const description =
      key.kind === 'time'
        ? `The calendar year (MetricFlow's metric_time at year grain).`
        : key.kind === 'entity'
          ? `Key of the ${key.entity} entity.`
          : (homeDimension(layer, key.entity, key.dimension) ?? `The ${key.entity}'s ${key.dimension}.`);
    columns[key.column] = { name: key.column, description };
  }
  for (const output of plan.outputs) {
    const metric = layer.metrics.get(output.column) as Metric;
    columns[output.column] = {
      name: output.column,
      description: describe(metric.description || metric.label, metric.path),
      calculatedFrom: [...new Set(aggregatesOf(output.value).map((aggregate) => aggregate.semanticModel.model))],
    };
  }
  return columns;
}

function homeDimension(layer: SemanticLayer, entity: string, dimension: string): string | undefined {
  for (const model of layer.semanticModels.values()) {
    const home = model.entities.some((e) => e.name === entity && e.type !== 'foreign') || model.name === entity;
    const found = home ? model.dimensions.find((d) => d.name === dimension) : undefined;
    if (found?.description) return found.description;
  }
  return undefined;
}
