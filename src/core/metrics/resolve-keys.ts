import { didYouMean, localPrefixes } from './resolve-metrics.ts';
import type { Dimension, GroupByItem, SemanticLayer, SemanticModel } from './types.ts';

/** The output column of `TimeDimension('metric_time', 'year')`: the year as a number, as our marts call it. */
export const TIME_COLUMN = 'calendar_year';

/** A group-by item, understood. */
export type GroupBy =
  | { kind: 'time'; column: string; item: GroupByItem }
  | { kind: 'entity'; column: string; entity: string; item: GroupByItem }
  | { kind: 'dimension'; column: string; entity: string; dimension: string; item: GroupByItem };

/** How one semantic model's rows give one group-by key: an expression over the fact, or over a joined model. */
export interface SourceKey {
  /** Output column. */
  column: string;
  /** `fact`, or the entity whose home model is joined. */
  side: 'fact' | { entity: string };
  /** SQL over that side's columns. */
  expr: string;
}

/** A semantic model joined to a fact through an entity, for the dimensions it is home to. */
export interface SourceJoin {
  /** The entity name both models share, e.g. `school`. */
  entity: string;
  /** The entity's home semantic model (where it is primary). */
  home: SemanticModel;
  /** The key on the fact's side. */
  factExpr: string;
  /** The key on the home model's side. */
  homeExpr: string;
}

/** What a semantic model's part of a query gets its keys from. */
export interface KeyedSource {
  /** The model the path reaches, whose dimensions become available. */
  semanticModel: SemanticModel;
  /** Its keys, in the query's key order. */
  keys: SourceKey[];
  /** Models joined for dimensions. */
  joins: SourceJoin[];
}

const GROUP_BY_SHAPES =
  "TimeDimension('metric_time', 'year'), Entity('<entity>') or Dimension('<entity>__<dimension>')";

/** Parse `TimeDimension('metric_time', 'year')`, `Entity('x')` or `Dimension('x__y')`, or say what is wrong. */
export function parseGroupBy(item: GroupByItem): GroupBy | string {
  const call =
    /^\s*(TimeDimension|Entity|Dimension)\(\s*(['"])([A-Za-z0-9_]+)\2\s*(?:,\s*(['"])([A-Za-z]+)\4\s*)?\)\s*$/.exec(
      item.text,
    );
  if (!call) return `group_by '${item.text}' is not supported: use ${GROUP_BY_SHAPES}.`;
  const [, kind, , name = '', , grain] = call;
  if (kind === 'TimeDimension') {
    if (name !== 'metric_time') return `group by time with TimeDimension('metric_time', 'year'), not '${name}'.`;
    if (grain !== undefined && grain.toLowerCase() !== 'year')
      return `metric_time is by year only (the facts are yearly), not by '${grain}'.`;
    return { kind: 'time', column: TIME_COLUMN, item };
  }
  if (grain !== undefined) return `${kind}() takes one name, in '${item.text}'.`;
  if (kind === 'Entity') return { kind: 'entity', column: name, entity: name, item };
  const cut = name.lastIndexOf('__');
  if (cut <= 0) return `Dimension('${name}') needs the entity in front: Dimension('<entity>__<dimension>').`;
  const dimension = name.slice(cut + 2);
  return { kind: 'dimension', column: dimension, entity: name.slice(0, cut), dimension, item };
}

/**
 * Add how a semantic model gives one key: its time dimension, its entity, its own dimension, or a dimension
 * of the entity's home model (joined). Problems go to `fail`, naming the metric that needs the key.
 */
export function addKey(options: {
  source: KeyedSource;
  key: GroupBy;
  layer: SemanticLayer;
  metric: string;
  fail: (message: string) => void;
}): void {
  const { source, key, layer, fail } = options;
  const model = source.semanticModel;
  const needs = `metric '${options.metric}' (semantic model '${model.name}')`;
  if (key.kind === 'time') {
    const time = model.dimensions.find((d) => d.name === model.aggTimeDimension && d.type === 'time');
    if (!time) return fail(`${needs}: ${missingTime(model)}`);
    const yearly = !['day', 'week', 'month', 'quarter'].includes(time.timeGranularity ?? 'year');
    source.keys.push({ column: key.column, side: 'fact', expr: yearly ? time.expr : `year(${time.expr})` });
    return;
  }
  const own = model.dimensions.find((d) => key.kind === 'dimension' && d.name === key.dimension);
  if (key.kind === 'dimension' && own && localPrefixes(model).includes(key.entity)) {
    source.keys.push({ column: key.column, side: 'fact', expr: own.expr });
    return;
  }
  const entity = model.entities.find((e) => e.name === key.entity);
  if (!entity) {
    const names = model.entities.map((e) => e.name);
    return fail(
      `the ${needs} cannot be grouped by ${key.entity}: '${model.name}' has no entity '${key.entity}'` +
        ` (its entities: ${names.join(', ') || 'none'}).${didYouMean(key.entity, names)}`,
    );
  }
  if (key.kind === 'entity') {
    source.keys.push({ column: key.column, side: 'fact', expr: entity.expr });
    return;
  }
  const found = homeDimension({ layer, entity: key.entity, dimension: key.dimension, item: key.item });
  if (typeof found === 'string') return fail(found);
  if (!source.joins.some((join) => join.entity === key.entity))
    source.joins.push({ entity: key.entity, home: found.home, factExpr: entity.expr, homeExpr: found.homeExpr });
  source.keys.push({ column: key.column, side: { entity: key.entity }, expr: found.dimension.expr });
}

/** A dimension of an entity's home model (the semantic model where the entity is primary), or what is wrong. */
export function homeDimension(options: {
  layer: SemanticLayer;
  entity: string;
  dimension: string;
  item: GroupByItem;
}): { home: SemanticModel; homeExpr: string; dimension: Dimension } | string {
  const { layer, entity, item } = options;
  for (const home of layer.semanticModels.values()) {
    const primary = home.entities.find((e) => e.name === entity && e.type !== 'foreign');
    if (!primary) continue;
    const dimension = home.dimensions.find((d) => d.name === options.dimension);
    if (dimension) return { home, homeExpr: primary.expr, dimension };
    const name = `${entity}__${options.dimension}`;
    return `unknown dimension '${name}'.${didYouMean(
      name,
      home.dimensions.map((d) => `${entity}__${d.name}`),
    )}`;
  }
  return `no semantic model has '${entity}' as its primary entity, so ${item.text} has no home.`;
}

function missingTime(model: SemanticModel): string {
  const times = model.dimensions.filter((d) => d.type === 'time').map((d) => d.name);
  const wrong = model.aggTimeDimension
    ? ` ('${model.aggTimeDimension}' is not one of its time dimensions).${didYouMean(model.aggTimeDimension, times)}`
    : '.';
  return `semantic model '${model.name}' needs \`defaults: { agg_time_dimension: <time dimension> }\` to group by metric_time${wrong}`;
}
