import type { ProjectError } from '../project/types.ts';
import {
  addKey,
  homeDimension,
  parseGroupBy,
  type GroupBy,
  type KeyedSource,
  type SourceJoin,
} from './resolve-keys.ts';
import { didYouMean, localPrefixes, type MetricValue, type ResolvedAggregate } from './resolve-metrics.ts';
import type { SavedQuery, SemanticLayer, SemanticModel } from './types.ts';

/** One semantic model's part of a query: its aggregates by the query's base keys. */
export interface SourcePlan extends KeyedSource {
  /** Its aggregates (one per simple metric). */
  aggregates: ResolvedAggregate[];
}

/**
 * Dimensions looked up once, after the semantic models are joined, through an entity the query also groups
 * by (`Entity('school')` + `Dimension('school__school_name')`): they depend on the entity's key alone, so
 * they are not join keys.
 */
export interface Attachment extends Omit<SourceJoin, 'factExpr'> {
  /** The entity's output column, holding its key. */
  column: string;
  /** The dimensions: output column and SQL over the home model. */
  dimensions: Array<{ column: string; expr: string }>;
}

/** A saved query, planned: keys, per-semantic-model aggregates, and each output metric's value. */
export interface QueryPlan {
  /** The saved query. */
  query: SavedQuery;
  /** Group-by keys, in output order. */
  keys: GroupBy[];
  /** The keys every semantic model aggregates by and the parts are joined on (the attached ones left out). */
  baseKeys: string[];
  /** Dimensions attached through a grouped entity. */
  attachments: Attachment[];
  /** One part per semantic model used, in order of first use. */
  sources: SourcePlan[];
  /** Output metrics, in order. */
  outputs: Array<{ column: string; value: MetricValue }>;
}

/**
 * Plan a saved query: parse its group-by items, find every aggregate its metrics need (grouped by semantic
 * model), and work out how each semantic model gives each key (its own column, or a join through an entity
 * to the entity's home model). Problems become errors at the saved query's lines.
 */
export function planSavedQuery(options: {
  query: SavedQuery;
  layer: SemanticLayer;
  values: ReadonlyMap<string, MetricValue>;
}): { plan?: QueryPlan; errors: ProjectError[] } {
  const { query, layer, values } = options;
  const errors: ProjectError[] = [];
  const fail = (line: number | undefined, text: string) => {
    // Several semantic models (or group-by items) can hit the same problem: say it once, at its first line.
    const message = `Saved query '${query.name}': ${text}`;
    if (!errors.some((error) => error.message === message))
      errors.push({ path: query.path, line: line ?? query.line, message });
  };
  const keys = readKeys({ query, layer, fail });
  const outputs: QueryPlan['outputs'] = [];
  for (const { name, line } of query.metrics) {
    const value = values.get(name);
    if (value) outputs.push({ column: name, value });
    else if (!layer.metrics.has(name) && !layer.broken.has(name))
      fail(line, `unknown metric '${name}'.${didYouMean(name, layer.metrics.keys())}`);
  }
  const columns = [...keys.map((key) => key.column), ...outputs.map((output) => output.column)];
  const twice = columns.find((column, index) => columns.indexOf(column) !== index);
  if (twice) fail(query.line, `two outputs are named '${twice}'.`);
  if (!keys.some((key) => key.kind === 'time') && outputs.some((output) => hasOffset(output.value)))
    fail(query.line, `offset_window needs metric_time: add TimeDimension('metric_time', 'year') to group_by.`);
  const attachments = attach({ keys, layer, fail });
  const attached = new Set(attachments.flatMap((a) => a.dimensions.map((d) => d.column)));
  const baseKeys = keys.filter((key) => !attached.has(key.column));
  const sources = planSources({ outputs, keys: baseKeys, layer, fail });
  for (const source of sources)
    for (const { metric } of source.aggregates)
      if (keys.some((key) => key.column === metric.name) && !columns.includes(metric.name))
        fail(query.line, `metric '${metric.name}' has the name of a group-by column.`);
  if (errors.length > 0 || outputs.length === 0) return { errors };
  const plan = { query, keys, baseKeys: baseKeys.map((key) => key.column), attachments, sources, outputs };
  return { plan, errors };
}

/** The group-by items, each parsed and its entity known. */
function readKeys(options: {
  query: SavedQuery;
  layer: SemanticLayer;
  fail: (line: number | undefined, message: string) => void;
}): GroupBy[] {
  const models = [...options.layer.semanticModels.values()];
  const entities = new Set(models.flatMap((model) => [...localPrefixes(model), ...model.entities.map((e) => e.name)]));
  return options.query.groupBy.flatMap((item) => {
    const key = parseGroupBy(item);
    if (typeof key === 'string') options.fail(item.line, key);
    else if (key.kind !== 'time' && !entities.has(key.entity))
      options.fail(item.line, `unknown entity '${key.entity}' in ${item.text}.${didYouMean(key.entity, entities)}`);
    else return [key];
    return [];
  });
}

/** The dimensions whose entity the query groups by too, looked up in the entity's home model. */
function attach(options: {
  keys: GroupBy[];
  layer: SemanticLayer;
  fail: (line: number | undefined, message: string) => void;
}): Attachment[] {
  const attachments = new Map<string, Attachment>();
  for (const key of options.keys) {
    if (key.kind !== 'dimension') continue;
    const entityKey = options.keys.find((k) => k.kind === 'entity' && k.entity === key.entity);
    if (!entityKey) continue;
    const found = homeDimension({ layer: options.layer, ...key });
    if (typeof found === 'string') {
      options.fail(key.item.line, found);
      continue;
    }
    const attachment = attachments.get(key.entity) ?? {
      entity: key.entity,
      column: entityKey.column,
      home: found.home,
      homeExpr: found.homeExpr,
      dimensions: [],
    };
    attachment.dimensions.push({ column: key.column, expr: found.dimension.expr });
    attachments.set(key.entity, attachment);
  }
  return [...attachments.values()];
}

/** The aggregates the outputs need, by semantic model in order of first use, each with its keys. */
function planSources(options: {
  outputs: QueryPlan['outputs'];
  keys: GroupBy[];
  layer: SemanticLayer;
  fail: (line: number | undefined, message: string) => void;
}): SourcePlan[] {
  const { keys, layer, fail } = options;
  const sources = new Map<string, SourcePlan>();
  for (const aggregate of options.outputs.flatMap((output) => aggregatesOf(output.value))) {
    const { semanticModel } = aggregate;
    let source = sources.get(semanticModel.name);
    if (!source) {
      source = { semanticModel, keys: [], joins: [], aggregates: [] };
      const metric = aggregate.metric.name;
      for (const key of keys) addKey({ source, key, layer, metric, fail: (message) => fail(key.item.line, message) });
      sources.set(semanticModel.name, source);
    }
    if (!source.aggregates.some((a) => a.metric.name === aggregate.metric.name)) source.aggregates.push(aggregate);
  }
  return [...sources.values()];
}

/** The models a plan reads: its semantic models' and every joined or attached home model. */
export function modelsRead(plan: QueryPlan): string[] {
  const models: SemanticModel[] = [
    ...plan.sources.flatMap((source) => [source.semanticModel, ...source.joins.map((join) => join.home)]),
    ...plan.attachments.map((attachment) => attachment.home),
  ];
  return [...new Set(models.map((model) => model.model))];
}

/** Every aggregate a value reads. */
export function aggregatesOf(value: MetricValue): ResolvedAggregate[] {
  if (value.kind === 'aggregate') return [value.aggregate];
  return value.parts.flatMap((part) => (typeof part === 'string' ? [] : aggregatesOf(part.value)));
}

function hasOffset(value: MetricValue): boolean {
  return (
    value.kind === 'expression' &&
    value.parts.some((p) => typeof p !== 'string' && (p.offsetYears > 0 || hasOffset(p.value)))
  );
}
