/** dbt's log lines for `source freshness`. */
import type { FreshnessResult } from './check-freshness.ts';

const WIDTH = 72;

/** `1 of 3 START freshness of nsw_doe_datansw.ram ........ [RUN]`, printed as a check starts. */
export function formatFreshnessStart(options: { name: string; index: number; total: number }): string {
  return line(`${options.index} of ${options.total} START freshness of ${options.name}`, 'RUN');
}

/**
 * The line a finished check prints, in dbt's words: `PASS`, `WARN`, `ERROR STALE` (past `error_after`) or
 * `ERROR` (the check could not run), e.g. `2 of 3 WARN freshness of acara.staff_numbers .... [WARN in 0.01s]`.
 */
export function formatFreshnessResult(options: { result: FreshnessResult; index: number; total: number }): string {
  const { result, index, total } = options;
  const word = { pass: 'PASS', warn: 'WARN', error: 'ERROR STALE', 'runtime error': 'ERROR' }[result.status];
  return line(
    `${index} of ${total} ${word} freshness of ${result.name}`,
    `${word} in ${result.executionSeconds.toFixed(2)}s`,
  );
}

/** The closing line: `Done. PASS=1 WARN=1 ERROR=1 TOTAL=3` (ERROR counts stale sources and runtime errors). */
export function formatFreshnessDone(results: readonly FreshnessResult[]): string {
  const count = (...statuses: string[]) => results.filter((result) => statuses.includes(result.status)).length;
  return `Done. PASS=${count('pass')} WARN=${count('warn')} ERROR=${count('error', 'runtime error')} TOTAL=${results.length}`;
}

/** As in dbt: exit 1 when any source is past `error_after` or could not be checked; warnings exit 0. */
export function freshnessFailed(results: readonly FreshnessResult[]): boolean {
  return results.some((result) => result.status === 'error' || result.status === 'runtime error');
}

function line(prefix: string, badge: string): string {
  return `${prefix} ${'.'.repeat(Math.max(3, WIDTH - prefix.length))} [${badge}]`;
}
