import { numeric } from './value-format.ts';

/** One bar of a histogram: values in [from, to) (the last bin includes its upper edge). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * The numeric cells of a column counted into bins of one "nice" width (1, 2 or 5 × a power of ten), about
 * `bins` of them, covering every value. Cells that are not numbers (null, text) are counted in `skipped`.
 */
export function histogramBins(options: { values: readonly unknown[]; bins?: number }): {
  bins: HistogramBin[];
  skipped: number;
} {
  const numbers: number[] = [];
  let skipped = 0;
  for (const value of options.values) {
    const number = numeric(value);
    if (number === undefined || !Number.isFinite(number)) skipped++;
    else numbers.push(number);
  }
  if (numbers.length === 0) return { bins: [], skipped };
  const min = numbers.reduce((a, b) => Math.min(a, b));
  const max = numbers.reduce((a, b) => Math.max(a, b));
  const wanted = Math.max(1, Math.round(options.bins ?? 20));
  const width = niceWidth((max - min) / wanted);
  // Bin in whole steps of the width: a tiny float error (0.7 / 0.02 = 34.99999…) must not move a value to
  // the bin below, or below the first bin.
  const step = (value: number) => Math.floor(value / width + 1e-9);
  const first = step(min);
  const start = first * width;
  // A top value exactly on an edge closes the last bin rather than opening one of its own.
  const onEdge = max !== min && Math.abs(max / width - Math.round(max / width)) < 1e-9;
  const count = Math.max(1, step(max) - first + (onEdge ? 0 : 1));
  // A value exactly on the top edge belongs to the last bin rather than one of its own.
  const bins: HistogramBin[] = Array.from({ length: count }, (_, index) => ({
    from: round(start + index * width, width),
    to: round(start + (index + 1) * width, width),
    count: 0,
  }));
  for (const number of numbers) {
    const index = Math.max(0, Math.min(count - 1, step(number) - first));
    const bin = bins[index];
    if (bin) bin.count++;
  }
  return { bins, skipped };
}

function niceWidth(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((multiple) => multiple * power >= raw * (1 - 1e-9)) ?? 10;
  return step * power;
}

/** Edges as the width's decimals allow, so 0.1 + 0.2 shows as 0.3. */
function round(value: number, width: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(width)));
  return Number(value.toFixed(Math.min(decimals, 12)));
}
