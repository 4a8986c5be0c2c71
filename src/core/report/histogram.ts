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
  const start = Math.floor(min / width) * width;
  const count = Math.max(1, Math.ceil((max - start) / width + (max === start ? 1 : 0)));
  // A value exactly on the top edge belongs to the last bin rather than one of its own.
  const bins: HistogramBin[] = Array.from({ length: count }, (_, index) => ({
    from: round(start + index * width, width),
    to: round(start + (index + 1) * width, width),
    count: 0,
  }));
  for (const number of numbers) {
    const index = Math.min(count - 1, Math.floor((number - start) / width));
    const bin = bins[index];
    if (bin) bin.count++;
  }
  return { bins, skipped };
}

function niceWidth(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((multiple) => multiple * power >= raw) ?? 10;
  return step * power;
}

/** Edges as the width's decimals allow, so 0.1 + 0.2 shows as 0.3. */
function round(value: number, width: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(width)));
  return Number(value.toFixed(Math.min(decimals, 12)));
}
