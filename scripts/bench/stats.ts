/**
 * The arithmetic of `npm run bench`: medians of repeated runs and a figure's verdict against its target.
 * Pure: no timing, no I/O, so the unit tests pin it.
 */

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `value / reference`, or undefined when either is missing or the reference is not positive. */
export function ratioOf(value: number | undefined, reference: number | undefined): number | undefined {
  if (value === undefined || reference === undefined) return undefined;
  if (!Number.isFinite(value) || !Number.isFinite(reference) || reference <= 0) return undefined;
  return value / reference;
}

/** What a figure is held to: its value (or its ratio to a reference) at most, or below, a limit. */
export interface Target {
  /** Compare the ratio to the reference rather than the value itself. */
  on: 'value' | 'ratio';
  /** `le`: at most the limit (≤); `lt`: strictly below it (<). */
  comparison: 'le' | 'lt';
  /** The limit, in the figure's unit (or as a ratio). */
  limit: number;
}

/** The outcome of one figure: pass, FAIL, or not measured (`n/a`) when the number it needs is missing. */
export type Verdict = 'pass' | 'FAIL' | 'n/a';

/** Judge a figure against its target: `n/a` when the compared number is missing or not finite. */
export function verdictOf(options: {
  value?: number | undefined;
  ratio?: number | undefined;
  target: Target;
}): Verdict {
  const compared = options.target.on === 'ratio' ? options.ratio : options.value;
  if (compared === undefined || !Number.isFinite(compared)) return 'n/a';
  const within =
    options.target.comparison === 'le' ? compared <= options.target.limit : compared < options.target.limit;
  return within ? 'pass' : 'FAIL';
}

/** How a target reads in the table: `≤ 1.0×`, `< 2,048 MB`, `≤ 150 ms`. */
export function describeTarget(target: Target, unit: string): string {
  const sign = target.comparison === 'le' ? '≤' : '<';
  return target.on === 'ratio'
    ? `${sign} ${target.limit.toFixed(1)}×`
    : `${sign} ${formatNumber(target.limit)} ${unit}`;
}

/** A figure for the table: whole numbers from 100 up, else three significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-AU');
  return Number(value.toPrecision(3)).toString();
}
