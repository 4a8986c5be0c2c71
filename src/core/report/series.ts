import { numeric } from './value-format.ts';

/** One line (or bar series) of a chart: its name and a value per axis category (null where it has none). */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/**
 * A chart's rows as categories and series, as Evidence reads `x`, `y` and `series`: the categories are the
 * `x` values (numerically sorted when they are all numbers, else in order of first appearance), and each
 * distinct `series` value is one series (without `series`, one series named after `y`). `label` writes a
 * cell as the text shown on the axis.
 */
export function chartSeries(options: {
  rows: readonly Record<string, unknown>[];
  x: string;
  y: string;
  series?: string | undefined;
  label: (value: unknown) => string;
}): { categories: string[]; series: ChartSeries[] } {
  const { rows, x, y, series, label } = options;
  const order: { text: string; at: unknown }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const text = label(row[x]);
    if (!seen.has(text)) {
      seen.add(text);
      order.push({ text, at: row[x] });
    }
  }
  if (order.every((entry) => numeric(entry.at) !== undefined)) {
    order.sort((a, b) => (numeric(a.at) ?? 0) - (numeric(b.at) ?? 0));
  }
  const categories = order.map((entry) => entry.text);
  const byName = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const name = series ? label(row[series]) : y;
    let points = byName.get(name);
    if (!points) byName.set(name, (points = new Map()));
    points.set(label(row[x]), numeric(row[y]) ?? null);
  }
  return {
    categories,
    series: [...byName].map(([name, points]) => ({
      name,
      values: categories.map((category) => points.get(category) ?? null),
    })),
  };
}

/**
 * Series as shares of each category's total (Evidence's `type=stacked100`): with no negative values, every
 * category's shares add up to 1. The total is of absolute values, so a negative value is a negative share
 * of it. A category whose values are all 0 keeps nulls rather than dividing by zero.
 */
export function shareOfCategory(series: readonly ChartSeries[]): ChartSeries[] {
  const totals = (series[0]?.values ?? []).map((_, index) =>
    series.reduce((sum, line) => sum + Math.abs(line.values[index] ?? 0), 0),
  );
  return series.map((line) => ({
    name: line.name,
    values: line.values.map((value, index) => {
      const total = totals[index] ?? 0;
      return value === null || total === 0 ? null : value / total;
    }),
  }));
}
