import { quoteIdentifier as q, quoteLiteral } from '../sql/quote.ts';
import { modelsRead, type Attachment, type QueryPlan, type SourcePlan } from './plan-saved-query.ts';
import { TIME_COLUMN } from './resolve-keys.ts';
import type { MetricValue, ResolvedAggregate, ResolvedFilter } from './resolve-metrics.ts';
import type { Aggregation } from './types.ts';

/** The SQL of each aggregation over an (already quoted) expression. */
const AGGREGATE_SQL: Record<Aggregation, (expr: string) => string> = {
  sum: (expr) => `sum(${expr})`,
  count: (expr) => `count(${expr})`,
  count_distinct: (expr) => `count(distinct ${expr})`,
  average: (expr) => `avg(${expr})`,
  min: (expr) => `min(${expr})`,
  max: (expr) => `max(${expr})`,
};

const COMBINED = 'joined';

/**
 * Compile a planned saved query to Jinja SQL (it refs its facts, so the DAG orders it): one CTE per semantic
 * model aggregating its measures by the keys (joining an entity's home model for its dimensions); a full
 * outer join of those CTEs on the keys, coalescing them; and the outputs, where an `offset_window` of N
 * years reads a self-join of the combined rows on `calendar_year - N`.
 */
export function compileSavedQuery(plan: QueryPlan): { sql: string; refs: string[] } {
  const keys = plan.baseKeys;
  const ctes = plan.sources.map((source) => `${q(cteName(source))} as (\n${indent(aggregateSource(source), 4)}\n)`);
  ctes.push(`${q(COMBINED)} as (\n${indent(combineSources(plan.sources, keys), 4)}\n)`);
  const offsets = new Set<number>();
  const outputs = plan.outputs.map((output) => `${renderValue(output.value, 0, offsets)} as ${q(output.column)}`);
  const attachedFrom = new Map(
    plan.attachments.flatMap((a) => a.dimensions.map((d) => [d.column, q(`attach__${a.entity}`)] as const)),
  );
  const keyColumns = plan.keys.map((key) => {
    const from = attachedFrom.get(key.column);
    return from ? `${from}.${q(`key__${key.column}`)} as ${q(key.column)}` : `${q(COMBINED)}.${q(key.column)}`;
  });
  const sql = [
    `-- Saved query '${plan.query.name}' (${plan.query.path}:${plan.query.line ?? 1}), compiled from the semantic layer.`,
    `with\n${ctes.join(',\n')}`,
    `select\n${commaList([...keyColumns, ...outputs]).join('\n')}`,
    `from ${q(COMBINED)}`,
    ...plan.attachments.map(attachJoin),
    ...[...offsets].sort((a, b) => a - b).map((years) => offsetJoin(years, keys)),
    ...(keys.length > 0 ? [`order by ${keys.map((key) => `${q(COMBINED)}.${q(key)}`).join(', ')}`] : []),
  ].join('\n');
  return { sql, refs: modelsRead(plan) };
}

/** The home model of an entity the query groups by, joined once for the dimensions it gives. */
function attachJoin(attachment: Attachment): string {
  const alias = q(`attach__${attachment.entity}`);
  const columns = [
    `${attachment.homeExpr} as ${q(`entity__${attachment.entity}`)}`,
    ...attachment.dimensions.map((d) => `${d.expr} as ${q(`key__${d.column}`)}`),
  ];
  const on = `${alias}.${q(`entity__${attachment.entity}`)} = ${q(COMBINED)}.${q(attachment.column)}`;
  return `left join (\n${indent(selectFrom(columns, attachment.home.model), 4)}\n) as ${alias}\n    on ${on}`;
}

function cteName(source: SourcePlan): string {
  return `sm__${source.semanticModel.name}`;
}

/** One semantic model's aggregates by the keys: a subquery naming every expression, then the aggregation. */
function aggregateSource(source: SourcePlan): string {
  const measures = new Map(source.aggregates.map((a) => [a.measure.name, a.measure.expr]));
  const filters = new Map(source.aggregates.flatMap((a) => a.filters.map((f) => [f.dimension.name, f.dimension.expr])));
  const factColumns = [
    ...source.keys.filter((key) => key.side === 'fact').map((key) => `${key.expr} as ${q(`key__${key.column}`)}`),
    ...source.joins.map((join) => `${join.factExpr} as ${q(`entity__${join.entity}`)}`),
    ...[...measures].map(([name, expr]) => `${expr} as ${q(`measure__${name}`)}`),
    ...[...filters].map(([name, expr]) => `${expr} as ${q(`filter__${name}`)}`),
  ];
  const lines = [
    'select',
    ...commaList([
      ...source.keys.map((key) => {
        const side = key.side === 'fact' ? 'fact' : `join__${key.side.entity}`;
        return `${q(side)}.${q(`key__${key.column}`)} as ${q(key.column)}`;
      }),
      ...source.aggregates.map((aggregate) => `${aggregateSql(aggregate)} as ${q(aggregate.metric.name)}`),
    ]),
    `from (\n${indent(selectFrom(factColumns, source.semanticModel.model), 4)}\n) as ${q('fact')}`,
  ];
  for (const join of source.joins) {
    const homeColumns = [
      `${join.homeExpr} as ${q(`entity__${join.entity}`)}`,
      ...source.keys
        .filter((key) => key.side !== 'fact' && key.side.entity === join.entity)
        .map((key) => `${key.expr} as ${q(`key__${key.column}`)}`),
    ];
    const alias = q(`join__${join.entity}`);
    const on = `${q('fact')}.${q(`entity__${join.entity}`)} = ${alias}.${q(`entity__${join.entity}`)}`;
    lines.push(`left join (\n${indent(selectFrom(homeColumns, join.home.model), 4)}\n) as ${alias}\n    on ${on}`);
  }
  if (source.keys.length > 0) lines.push('group by all');
  return lines.join('\n');
}

function selectFrom(columns: string[], model: string): string {
  return ['select', ...commaList(columns), `from {{ ref(${quoteLiteral(model)}) }}`].join('\n');
}

function aggregateSql(aggregate: ResolvedAggregate): string {
  const call = AGGREGATE_SQL[aggregate.measure.agg](`${q('fact')}.${q(`measure__${aggregate.measure.name}`)}`);
  if (aggregate.filters.length === 0) return call;
  return `${call} filter (where ${aggregate.filters.map(filterSql).join(' and ')})`;
}

function filterSql(filter: ResolvedFilter): string {
  const column = `${q('fact')}.${q(`filter__${filter.dimension.name}`)}`;
  const values = filter.values.map((value) => (typeof value === 'number' ? String(value) : quoteLiteral(value)));
  return values.length === 1 ? `${column} = ${values[0]}` : `${column} in (${values.join(', ')})`;
}

/** Full outer joins of the semantic models' CTEs on every key; each key is the first non-null side's. */
function combineSources(sources: SourcePlan[], keys: string[]): string {
  const names = sources.map((source) => q(cteName(source)));
  const keyOf = (key: string, upTo: number) => {
    const sides = names.slice(0, upTo).map((name) => `${name}.${q(key)}`);
    return sides.length === 1 ? (sides[0] as string) : `coalesce(${sides.join(', ')})`;
  };
  const columns = [
    ...keys.map((key) => `${keyOf(key, names.length)} as ${q(key)}`),
    ...sources.flatMap((source, index) =>
      source.aggregates.map((aggregate) => `${names[index]}.${q(aggregate.metric.name)}`),
    ),
  ];
  const joins = names.slice(1).map((name, index) => {
    if (keys.length === 0) return `cross join ${name}`;
    const on = keys.map((key) => `${name}.${q(key)} is not distinct from ${keyOf(key, index + 1)}`);
    return `full outer join ${name}\n    on ${on.join('\n    and ')}`;
  });
  return ['select', ...commaList(columns), `from ${names[0]}`, ...joins].join('\n');
}

/** A self-join of the combined rows N years back, on the same other keys. */
function offsetJoin(years: number, keys: string[]): string {
  const alias = q(offsetAlias(years));
  const on = keys.map((key) =>
    key === TIME_COLUMN
      ? `${alias}.${q(key)} = ${q(COMBINED)}.${q(key)} - ${years}`
      : `${alias}.${q(key)} is not distinct from ${q(COMBINED)}.${q(key)}`,
  );
  return `left join ${q(COMBINED)} as ${alias}\n    on ${on.join('\n    and ')}`;
}

function offsetAlias(years: number): string {
  return `offset_${years}_year${years === 1 ? '' : 's'}`;
}

/** A metric's value as SQL, reading the combined row `years` back; notes every offset it needs. */
function renderValue(value: MetricValue, years: number, offsets: Set<number>): string {
  if (value.kind === 'aggregate') {
    if (years > 0) offsets.add(years);
    return `${q(years > 0 ? offsetAlias(years) : COMBINED)}.${q(value.aggregate.metric.name)}`;
  }
  const parts = value.parts.map((part) =>
    typeof part === 'string' ? part : renderValue(part.value, years + part.offsetYears, offsets),
  );
  return `(${parts.join('')})`;
}

function commaList(items: string[]): string[] {
  return items.map((item, index) => `${indent(item, 4)}${index < items.length - 1 ? ',' : ''}`);
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}
