import type { ProjectError } from '../project/types.ts';
import { nearestNames } from '../text/nearest.ts';
import { FILTER_SHAPES, parseFilter } from './parse-filter.ts';
import type { DerivedMetric, Dimension, Measure, Metric, SemanticLayer, SemanticModel, SimpleMetric } from './types.ts';

/** A filter of a simple metric, resolved to the dimension of its semantic model. */
export interface ResolvedFilter {
  /** The categorical dimension. */
  dimension: Dimension;
  /** Accepted values. */
  values: Array<string | number>;
}

/** A simple metric resolved to its measure: one aggregate column of its semantic model's part of a query. */
export interface ResolvedAggregate {
  /** The simple metric (its name names the aggregate column). */
  metric: SimpleMetric;
  /** The semantic model holding the measure. */
  semanticModel: SemanticModel;
  /** The measure the metric aggregates, resolved from its `measure:` name. */
  measure: Measure;
  /** Its filters, combined with AND. */
  filters: ResolvedFilter[];
}

/**
 * A metric's value as a tree: an aggregate, or a derived expression whose parts are SQL text and other
 * values, each shifted some years back (`offset_window`). Offsets add up along the tree.
 */
export type MetricValue =
  | { kind: 'aggregate'; aggregate: ResolvedAggregate }
  | { kind: 'expression'; parts: Array<string | { offsetYears: number; value: MetricValue }> };

/** Words a derived metric's `expr` may use that are not metric names. */
const SQL_WORDS = new Set(
  'and or not null is case when then else end true false as between in distinct cast double float integer bigint decimal numeric varchar'.split(
    ' ',
  ),
);

/**
 * Resolve every metric of the layer: simple metrics to their measure and filters, derived metrics to
 * expression trees over them. Unknown names (with the nearest ones), unsupported filters, expressions that
 * use names they do not list, and cycles become errors at the metric's file and line.
 */
export function resolveMetrics(layer: SemanticLayer): { values: Map<string, MetricValue>; errors: ProjectError[] } {
  const measures = new Map<string, { semanticModel: SemanticModel; measure: Measure }>();
  for (const semanticModel of layer.semanticModels.values())
    for (const measure of semanticModel.measures) measures.set(measure.name, { semanticModel, measure });
  const values = new Map<string, MetricValue>();
  const errors: ProjectError[] = [];
  const failed = new Set<string>();
  const visit = (metric: Metric, stack: string[]): MetricValue | undefined => {
    const done = values.get(metric.name);
    if (done || failed.has(metric.name)) return done;
    if (stack.includes(metric.name)) {
      const cycle = [...stack.slice(stack.indexOf(metric.name)), metric.name].join(' → ');
      errors.push({ path: metric.path, line: metric.line, message: `Derived metrics refer to each other: ${cycle}.` });
      failed.add(metric.name);
      return undefined;
    }
    const value =
      metric.type === 'simple'
        ? resolveSimple({ metric, measures, errors, broken: layer.broken })
        : resolveDerived({ metric, layer, errors, visit: (input) => visit(input, [...stack, metric.name]) });
    if (value) values.set(metric.name, value);
    else failed.add(metric.name);
    return value;
  };
  for (const metric of layer.metrics.values()) visit(metric, []);
  return { values, errors };
}

function resolveSimple(options: {
  metric: SimpleMetric;
  measures: Map<string, { semanticModel: SemanticModel; measure: Measure }>;
  errors: ProjectError[];
  broken: ReadonlySet<string>;
}): MetricValue | undefined {
  const { metric, measures, errors } = options;
  const found = measures.get(metric.measure);
  if (!found) {
    if (options.broken.has(metric.measure)) return undefined;
    errors.push({
      path: metric.path,
      line: metric.measureLine ?? metric.line,
      message: `Metric '${metric.name}' uses unknown measure '${metric.measure}'.${didYouMean(metric.measure, measures.keys())}`,
    });
    return undefined;
  }
  const filters: ResolvedFilter[] = [];
  for (const text of metric.filters) {
    const filter = resolveFilter({ text, semanticModel: found.semanticModel });
    if (typeof filter === 'string') {
      errors.push({
        path: metric.path,
        line: metric.filterLine ?? metric.line,
        message: `Metric '${metric.name}': ${filter}`,
      });
      return undefined;
    }
    filters.push(filter);
  }
  return { kind: 'aggregate', aggregate: { metric, ...found, filters } };
}

/** A filter resolved against the measure's semantic model, or what is wrong with it. */
function resolveFilter(options: { text: string; semanticModel: SemanticModel }): ResolvedFilter | string {
  const { text, semanticModel } = options;
  const parsed = parseFilter(text);
  if (!parsed) return `the filter \`${text}\` is not supported; write ${FILTER_SHAPES}.`;
  const cut = parsed.dimension.lastIndexOf('__');
  const prefix = cut > 0 ? parsed.dimension.slice(0, cut) : '';
  const name = parsed.dimension.slice(cut + 2);
  const prefixes = localPrefixes(semanticModel);
  const dimension = semanticModel.dimensions.find((d) => d.name === name && d.type === 'categorical');
  if (dimension && prefixes.includes(prefix)) return { dimension, values: parsed.values };
  const candidates = semanticModel.dimensions
    .filter((d) => d.type === 'categorical')
    .flatMap((d) => prefixes.map((p) => `${p}__${d.name}`));
  return (
    `unknown dimension '${parsed.dimension}': a filter must name a categorical dimension of semantic model ` +
    `'${semanticModel.name}', the measure's own.${didYouMean(parsed.dimension, candidates)}`
  );
}

/** The prefixes that name a semantic model's own dimensions: its name, its primary entity, its entities. */
export function localPrefixes(semanticModel: SemanticModel): string[] {
  const names = [
    semanticModel.name,
    semanticModel.primaryEntity,
    ...semanticModel.entities.filter((e) => e.type !== 'foreign').map((e) => e.name),
  ];
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

function resolveDerived(options: {
  metric: DerivedMetric;
  layer: SemanticLayer;
  errors: ProjectError[];
  visit: (metric: Metric) => MetricValue | undefined;
}): MetricValue | undefined {
  const { metric, layer, errors, visit } = options;
  const inputs = new Map<string, { offsetYears: number; value: MetricValue }>();
  for (const input of metric.inputs) {
    const target = layer.metrics.get(input.name);
    if (!target && layer.broken.has(input.name)) return undefined;
    if (!target) {
      errors.push({
        path: metric.path,
        line: input.line ?? metric.line,
        message: `Derived metric '${metric.name}' uses unknown metric '${input.name}'.${didYouMean(input.name, layer.metrics.keys())}`,
      });
      return undefined;
    }
    const value = visit(target);
    if (!value) return undefined;
    inputs.set(input.alias, { offsetYears: input.offsetYears, value });
  }
  const parts: Array<string | { offsetYears: number; value: MetricValue }> = [];
  for (const token of tokenize(metric.expr)) {
    const input = token.identifier ? inputs.get(token.text) : undefined;
    if (input) parts.push(input);
    else if (!token.identifier || token.call || SQL_WORDS.has(token.text.toLowerCase())) parts.push(token.text);
    else {
      const listed = [...inputs.keys()];
      errors.push({
        path: metric.path,
        line: metric.exprLine ?? metric.line,
        message:
          `Derived metric '${metric.name}': its expr uses '${token.text}', which is not among its metrics ` +
          `(${listed.join(', ')}).${layer.metrics.has(token.text) ? ` List it under type_params.metrics.` : didYouMean(token.text, listed)}`,
      });
      return undefined;
    }
  }
  return { kind: 'expression', parts };
}

/** Split an expression into identifiers (noting function calls) and everything else, leaving quoted text whole. */
function tokenize(expr: string): Array<{ text: string; identifier: boolean; call: boolean }> {
  const tokens: Array<{ text: string; identifier: boolean; call: boolean }> = [];
  const pattern = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\d[\w.]*|[A-Za-z_][A-Za-z0-9_]*|[^'"\w]+|./g;
  for (const match of expr.matchAll(pattern)) {
    const text = match[0];
    const identifier = /^[A-Za-z_]/.test(text);
    const call = identifier && /^\s*\(/.test(expr.slice((match.index ?? 0) + text.length));
    tokens.push({ text, identifier, call });
  }
  return tokens;
}

/** ` Did you mean 'a', 'b'?`, or nothing when there are no candidates. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const nearest = nearestNames({ name, candidates });
  return nearest.length > 0 ? ` Did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?` : '';
}
