import type { DerivedMetric, Metric, MetricInput, SimpleMetric } from './types.ts';
import { asRecord, isSnakeCase, list, text, type Reader } from './yaml-values.ts';

/** What to write instead of the MetricFlow metric types we do not compile. */
const UNSUPPORTED_TYPES: Record<string, string> = {
  ratio: 'write it as a derived metric, e.g. `expr: numerator / nullif(denominator, 0)`',
  cumulative: 'cumulative metrics are not supported',
  conversion: 'conversion metrics are not supported',
};

/** Read one `metrics:` entry: a simple metric (a measure, maybe filtered) or a derived one (an expression). */
export function readMetric(entry: Reader): Metric | undefined {
  const { value } = entry;
  const name = text(value.name);
  if (!name || !isSnakeCase(name)) {
    entry.fail([], `A metric needs a lower snake_case \`name\` (it becomes a column)${name ? `, not '${name}'` : ''}.`);
    return undefined;
  }
  const base = {
    name,
    path: entry.path,
    line: entry.lineOf([]),
    label: text(value.label) ?? name,
    description: text(value.description) ?? '',
  };
  const type = text(value.type);
  if (type === 'simple') return readSimple(entry, base);
  if (type === 'derived') return readDerived(entry, base);
  const advice = (type && UNSUPPORTED_TYPES[type]) ?? 'use `type: simple` or `type: derived`';
  entry.fail(['type'], `Metric '${name}' has ${type ? `type '${type}'` : 'no type'}: ${advice}.`);
  return undefined;
}

type MetricBase = Pick<SimpleMetric, 'name' | 'path' | 'line' | 'label' | 'description'>;

function readSimple(entry: Reader, base: MetricBase): SimpleMetric | undefined {
  const params = asRecord(entry.value.type_params);
  const measure = typeof params.measure === 'string' ? { name: params.measure } : asRecord(params.measure);
  const measureName = text(measure.name);
  if (!measureName) {
    entry.fail(['type_params'], `Simple metric '${base.name}' needs \`type_params: { measure: <measure name> }\`.`);
    return undefined;
  }
  const filters = [...filterList(entry.value.filter), ...filterList(measure.filter)];
  const filterAt = entry.value.filter !== undefined ? ['filter'] : ['type_params', 'measure', 'filter'];
  return {
    ...base,
    type: 'simple',
    measure: measureName,
    measureLine: entry.lineOf(['type_params', 'measure']),
    filters,
    filterLine: entry.lineOf(filterAt),
  };
}

function readDerived(entry: Reader, base: MetricBase): DerivedMetric | undefined {
  const params = asRecord(entry.value.type_params);
  const expr = text(params.expr);
  const declared = list(params.metrics);
  if (!expr || declared.length === 0) {
    entry.fail(
      ['type_params'],
      `Derived metric '${base.name}' needs \`type_params: { expr: …, metrics: [{ name: … }] }\`.`,
    );
    return undefined;
  }
  const inputs: MetricInput[] = [];
  for (const [index, item] of declared.entries()) {
    const at = ['type_params', 'metrics', index];
    const input = typeof item === 'string' ? { name: item } : asRecord(item);
    const inputName = text(input.name);
    const offsetYears = readOffset(input.offset_window);
    if (!inputName) entry.fail(at, `An input of derived metric '${base.name}' has no \`name\`.`);
    else if (input.offset_to_grain !== undefined || input.filter !== undefined)
      entry.fail(at, `Derived metric '${base.name}': offset_to_grain and filter on an input are not supported.`);
    else if (offsetYears === undefined)
      entry.fail(
        [...at, 'offset_window'],
        `Derived metric '${base.name}': offset_window '${String(input.offset_window)}' is not supported; ` +
          'metrics are by year, so write whole years, e.g. `offset_window: 1 year`.',
      );
    else inputs.push({ name: inputName, alias: text(input.alias) ?? inputName, offsetYears, line: entry.lineOf(at) });
  }
  if (inputs.length < declared.length) return undefined;
  return { ...base, type: 'derived', expr, exprLine: entry.lineOf(['type_params', 'expr']), inputs };
}

/** `1 year`, `2 years` → 1, 2; absent → 0; anything else → undefined. */
function readOffset(value: unknown): number | undefined {
  if (value === undefined || value === null) return 0;
  const match = /^\s*(\d+)\s+years?\s*$/i.exec(String(value));
  return match ? Number(match[1]) : undefined;
}

function filterList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => {
    const filter = text(item);
    return filter ? [filter] : [];
  });
}
