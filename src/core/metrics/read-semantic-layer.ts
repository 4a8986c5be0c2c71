import type { SemanticDeclaration } from '../project/parse-schema-files.ts';
import type { ProjectError } from '../project/types.ts';
import { nearestNames } from '../text/nearest.ts';
import { readMetric } from './read-metric.ts';
import {
  AGGREGATIONS,
  type Aggregation,
  type Dimension,
  type Entity,
  type Measure,
  type SavedQuery,
  type SemanticLayer,
  type SemanticModel,
} from './types.ts';
import { asRecord, isSnakeCase, keysWithoutValue, list, text, type Reader } from './yaml-values.ts';

/**
 * Read the semantic layer's YAML (MetricFlow's shapes) into typed declarations. Shape problems (a missing
 * name, an unsupported aggregation or metric type, a duplicate) become errors at their file and line;
 * names are checked against each other later, by {@link resolveMetric} and the saved-query planner.
 */
export function readSemanticLayer(options: {
  semanticModels: readonly SemanticDeclaration[];
  metrics: readonly SemanticDeclaration[];
  savedQueries: readonly SemanticDeclaration[];
}): { layer: SemanticLayer; errors: ProjectError[] } {
  const errors: ProjectError[] = [];
  const layer: SemanticLayer = { semanticModels: new Map(), metrics: new Map(), savedQueries: [], broken: new Set() };
  const measures = new Map<string, Measure>();
  for (const declaration of options.semanticModels) {
    const model = readSemanticModel(reader(declaration, errors), layer.broken);
    if (!model || !unique({ kind: 'semantic model', item: model, seen: layer.semanticModels, errors })) continue;
    layer.semanticModels.set(model.name, model);
    for (const measure of model.measures)
      if (unique({ kind: 'measure', item: measure, seen: measures, errors })) measures.set(measure.name, measure);
  }
  for (const declaration of options.metrics) {
    const metric = readMetric(reader(declaration, errors));
    if (!metric) layer.broken.add(text(asRecord(declaration.value).name) ?? '');
    else if (unique({ kind: 'metric', item: metric, seen: layer.metrics, errors }))
      layer.metrics.set(metric.name, metric);
  }
  const savedQueries = new Map<string, SavedQuery>();
  for (const declaration of options.savedQueries) {
    const query = readSavedQuery(reader(declaration, errors));
    if (query && unique({ kind: 'saved query', item: query, seen: savedQueries, errors })) {
      savedQueries.set(query.name, query);
      layer.savedQueries.push(query);
    }
  }
  return { layer, errors };
}

function reader(declaration: SemanticDeclaration, errors: ProjectError[]): Reader {
  const entry: Reader = {
    path: declaration.path,
    value: asRecord(declaration.value),
    lineOf: declaration.lineOf,
    fail: (at, message) => void errors.push({ path: declaration.path, line: declaration.lineOf(at), message }),
  };
  checkValues(entry, entry.value, []);
  return entry;
}

/** Report keys without a value, in the entry and in its lists of entities, dimensions, measures and metrics. */
function checkValues(entry: Reader, value: Record<string, unknown>, at: Array<string | number>): void {
  for (const key of keysWithoutValue(value))
    entry.fail(at, `'${key}' has no value. A comma inside { … } ends a value: quote text that contains one ('a, b').`);
  for (const key of ['entities', 'dimensions', 'measures']) {
    if (at.length === 0) list(value[key]).forEach((item, index) => checkValues(entry, asRecord(item), [key, index]));
  }
  if (at.length === 0)
    list(asRecord(value.type_params).metrics).forEach((item, index) =>
      checkValues(entry, asRecord(item), ['type_params', 'metrics', index]),
    );
}

function readSemanticModel(entry: Reader, broken: Set<string>): SemanticModel | undefined {
  const { value } = entry;
  const name = text(value.name);
  const model = /^\s*ref\(\s*['"]([^'"]+)['"]\s*\)\s*$/.exec(text(value.model) ?? '')?.[1];
  if (!name || !isSnakeCase(name) || !model) {
    if (!name || !isSnakeCase(name))
      entry.fail([], `A semantic model needs a lower snake_case \`name\`${name ? `, not '${name}'` : ''}.`);
    else entry.fail(['model'], `Semantic model '${name}' needs \`model: ref('<model name>')\`.`);
    // Its measures exist, just unreadable: metrics using them are not reported as unknown too.
    for (const measure of list(value.measures)) broken.add(text(asRecord(measure).name) ?? '');
    return undefined;
  }
  const items = <T>(key: string, read: (item: Record<string, unknown>, at: Array<string | number>) => T | undefined) =>
    list(value[key]).flatMap((item, index) => {
      const result = read(asRecord(item), [key, index]);
      if (result === undefined) broken.add(text(asRecord(item).name) ?? '');
      return result === undefined ? [] : [result];
    });
  const located = (at: Array<string | number>) => ({ path: entry.path, line: entry.lineOf(at) });
  const named = (item: Record<string, unknown>, at: Array<string | number>, kind: string): string | undefined => {
    const itemName = text(item.name);
    if (itemName && isSnakeCase(itemName)) return itemName;
    entry.fail(at, `${kind} of semantic model '${name}' needs a lower snake_case \`name\`.`);
    return undefined;
  };
  return {
    name,
    ...located([]),
    description: text(value.description) ?? '',
    model,
    modelLine: entry.lineOf(['model']),
    aggTimeDimension: text(asRecord(value.defaults).agg_time_dimension),
    primaryEntity: text(value.primary_entity),
    entities: items('entities', (item, at) => readEntity({ entry, item, at, name: named(item, at, 'An entity') })),
    dimensions: items('dimensions', (item, at) =>
      readDimension({ entry, item, at, name: named(item, at, 'A dimension') }),
    ),
    measures: items('measures', (item, at) => readMeasure({ entry, item, at, name: named(item, at, 'A measure') })),
  };
}

interface ItemOptions {
  entry: Reader;
  item: Record<string, unknown>;
  at: Array<string | number>;
  name: string | undefined;
}

/** Other spellings of an aggregation, for the hint (edit distance would suggest `max` for `avg`). */
const AGGREGATION_SPELLINGS: Record<string, Aggregation> = {
  avg: 'average',
  mean: 'average',
  distinct_count: 'count_distinct',
  count_unique: 'count_distinct',
  minimum: 'min',
  maximum: 'max',
  total: 'sum',
};

const ENTITY_TYPES = ['primary', 'unique', 'natural', 'foreign'] as const;

function readEntity({ entry, item, at, name }: ItemOptions): Entity | undefined {
  if (!name) return undefined;
  const type = ENTITY_TYPES.find((t) => t === item.type);
  if (!type) {
    entry.fail([...at, 'type'], `Entity '${name}' needs a type: ${ENTITY_TYPES.join(', ')}.`);
    return undefined;
  }
  return { name, type, expr: text(item.expr) ?? name, path: entry.path, line: entry.lineOf(at) };
}

function readDimension({ entry, item, at, name }: ItemOptions): Dimension | undefined {
  if (!name) return undefined;
  if (item.type !== 'categorical' && item.type !== 'time') {
    entry.fail([...at, 'type'], `Dimension '${name}' needs \`type: categorical\` or \`type: time\`.`);
    return undefined;
  }
  return {
    name,
    type: item.type,
    expr: text(item.expr) ?? name,
    description: text(item.description) ?? '',
    timeGranularity: text(asRecord(item.type_params).time_granularity),
    path: entry.path,
    line: entry.lineOf(at),
  };
}

function readMeasure({ entry, item, at, name }: ItemOptions): Measure | undefined {
  if (!name) return undefined;
  const agg = text(item.agg);
  if (!AGGREGATIONS.includes(agg as Aggregation)) {
    const hint = agg ? [AGGREGATION_SPELLINGS[agg] ?? nearestNames({ name: agg, candidates: AGGREGATIONS })[0]] : [];
    entry.fail(
      [...at, 'agg'],
      `Measure '${name}' has ${agg ? `agg '${agg}', which is not supported` : 'no agg'}` +
        `${hint.length > 0 ? ` (did you mean '${hint[0]}'?)` : ''}: use ${AGGREGATIONS.join(', ')}.`,
    );
    return undefined;
  }
  if (item.agg_time_dimension !== undefined || item.non_additive_dimension !== undefined) {
    entry.fail(at, `Measure '${name}': agg_time_dimension and non_additive_dimension on a measure are not supported.`);
    return undefined;
  }
  return {
    name,
    agg: agg as Aggregation,
    expr: text(item.expr) ?? name,
    description: text(item.description) ?? '',
    path: entry.path,
    line: entry.lineOf(at),
  };
}

function readSavedQuery(entry: Reader): SavedQuery | undefined {
  const { value } = entry;
  const name = text(value.name);
  if (!name || !isSnakeCase(name)) {
    entry.fail([], `A saved query needs a lower snake_case \`name\`${name ? `, not '${name}'` : ''}.`);
    return undefined;
  }
  const params = asRecord(value.query_params);
  if (params.where !== undefined) {
    entry.fail(['query_params', 'where'], `Saved query '${name}': query_params.where is not supported.`);
    return undefined;
  }
  const metrics = list(params.metrics).map((metric, index) => ({
    name: text(metric) ?? '',
    line: entry.lineOf(['query_params', 'metrics', index]),
  }));
  if (metrics.length === 0) {
    entry.fail([], `Saved query '${name}' lists no metrics under query_params.metrics.`);
    return undefined;
  }
  return {
    name,
    path: entry.path,
    line: entry.lineOf([]),
    description: text(value.description) ?? '',
    metrics,
    groupBy: list(params.group_by).map((item, index) => ({
      text: text(item) ?? '',
      line: entry.lineOf(['query_params', 'group_by', index]),
    })),
    config: asRecord(value.config),
  };
}

function unique<T extends { name: string; path: string; line: number | undefined }>(options: {
  kind: string;
  item: T;
  seen: ReadonlyMap<string, T>;
  errors: ProjectError[];
}): boolean {
  const { kind, item, seen, errors } = options;
  const previous = seen.get(item.name);
  if (!previous) return true;
  errors.push({
    path: item.path,
    line: item.line,
    message: `Two ${kind}s are named '${item.name}': here and at ${previous.path}:${previous.line ?? 1}. Rename one.`,
  });
  return false;
}
