/**
 * dbt's source freshness rules: a source table's age is the time between its newest load (`max_loaded_at`)
 * and the moment of the check (`snapshotted_at`); past `error_after` it is `error`, else past `warn_after`
 * it is `warn`, else `pass`. A check that cannot get an age at all is a `runtime error`.
 * https://docs.getdbt.com/reference/resource-properties/freshness
 */
import type { Freshness, FreshnessThreshold } from '../project/types.ts';

/** A freshness check's outcome, as dbt's sources.json spells it. */
export type FreshnessStatus = 'pass' | 'warn' | 'error' | 'runtime error';

/** dbt's periods and their length in seconds. */
const PERIOD_SECONDS: Readonly<Record<string, number>> = { minute: 60, hour: 3_600, day: 86_400 };

/** Whether a source has anything to check: dbt skips sources with neither `warn_after` nor `error_after`. */
export function hasFreshness(freshness: Freshness | undefined): freshness is Freshness {
  return freshness?.warnAfter !== undefined || freshness?.errorAfter !== undefined;
}

/** What is wrong with a source's thresholds (a period dbt does not know, a count that is not a positive whole number). */
export function freshnessProblems(freshness: Freshness): string[] {
  const problems: string[] = [];
  for (const [key, threshold] of [
    ['warn_after', freshness.warnAfter],
    ['error_after', freshness.errorAfter],
  ] as const) {
    if (!threshold) continue;
    if (PERIOD_SECONDS[threshold.period] === undefined)
      problems.push(`${key}: period '${threshold.period}' is not one of minute, hour, day.`);
    if (!Number.isInteger(threshold.count) || threshold.count <= 0)
      problems.push(`${key}: count ${threshold.count} is not a positive whole number.`);
  }
  return problems;
}

/** A threshold's length in seconds (`{count: 2, period: day}` → 172800). */
export function thresholdSeconds(threshold: FreshnessThreshold): number {
  const period = PERIOD_SECONDS[threshold.period];
  if (period === undefined) throw new Error(`Unknown freshness period '${threshold.period}'.`);
  return threshold.count * period;
}

/**
 * The status for an age in seconds. As in dbt, a threshold is crossed only when the age is strictly
 * greater, `error_after` is looked at first, and data from the future (a negative age) passes.
 */
export function freshnessStatus(options: { ageSeconds: number; freshness: Freshness }): 'pass' | 'warn' | 'error' {
  const { ageSeconds, freshness } = options;
  if (freshness.errorAfter && ageSeconds > thresholdSeconds(freshness.errorAfter)) return 'error';
  if (freshness.warnAfter && ageSeconds > thresholdSeconds(freshness.warnAfter)) return 'warn';
  return 'pass';
}

/**
 * Read a loaded-at time as UTC milliseconds. DuckDB's TIMESTAMP has no time zone; the loaders write UTC, so
 * a time without an offset is read as UTC (not the machine's zone). Undefined when it is not a time.
 */
export function parseLoadedAt(value: string): number | undefined {
  const text = value.trim().replace(' ', 'T');
  const zoned = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const millis = Date.parse(/T/.test(zoned) ? zoned : `${zoned}T00:00:00Z`);
  return Number.isNaN(millis) ? undefined : millis;
}
