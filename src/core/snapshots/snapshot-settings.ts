import type { SnapshotSettings } from '../project/types.ts';

/** Config keys a snapshot reads (dbt's names); they stay in `config.extra` for the manifest too. */
const HARD_DELETES: readonly SnapshotSettings['hardDeletes'][] = ['ignore', 'invalidate', 'new_record'];

/**
 * Read a snapshot's settings from its merged config, as dbt 1.9 documents them: `unique_key` (a column or
 * a list), `strategy` (`timestamp` with `updated_at`, or `check` with `check_cols`: a list or `'all'`),
 * and `hard_deletes` (`ignore`, `invalidate`, `new_record`) or the older `invalidate_hard_deletes: true`.
 * Each missing or wrong value is a problem naming the key and what it accepts.
 */
export function readSnapshotSettings(config: Record<string, unknown>): {
  settings: SnapshotSettings | undefined;
  problems: string[];
} {
  const problems: string[] = [];
  const uniqueKey = columnList(config.unique_key);
  if (!uniqueKey)
    problems.push('A snapshot needs `unique_key`: the column (or list of columns) that identifies a row.');
  const strategy = config.strategy;
  const updatedAt = typeof config.updated_at === 'string' && config.updated_at ? config.updated_at : undefined;
  if (config.updated_at !== undefined && !updatedAt) problems.push('`updated_at` must be a column name.');
  let checkCols: SnapshotSettings['checkCols'] = [];
  if (strategy === 'timestamp') {
    if (!updatedAt)
      problems.push('`strategy: timestamp` needs `updated_at`: the column that says when a row last changed.');
  } else if (strategy === 'check') {
    const cols = config.check_cols === 'all' ? 'all' : columnList(config.check_cols);
    if (!cols) problems.push("`strategy: check` needs `check_cols`: a list of columns, or 'all'.");
    else checkCols = cols;
  } else {
    problems.push(`Unknown snapshot strategy '${String(strategy)}': use timestamp or check.`);
  }
  const hardDeletes = readHardDeletes(config, problems);
  if (problems.length > 0 || !uniqueKey) return { settings: undefined, problems };
  return {
    settings: { uniqueKey, strategy: strategy as SnapshotSettings['strategy'], updatedAt, checkCols, hardDeletes },
    problems,
  };
}

function readHardDeletes(config: Record<string, unknown>, problems: string[]): SnapshotSettings['hardDeletes'] {
  const value = config.hard_deletes;
  if (value !== undefined) {
    if (HARD_DELETES.includes(value as SnapshotSettings['hardDeletes']))
      return value as SnapshotSettings['hardDeletes'];
    problems.push(`Unknown hard_deletes '${String(value)}': use ${HARD_DELETES.join(', ')}.`);
    return 'ignore';
  }
  // dbt before 1.9: a boolean, kept working in 1.9 as `invalidate`.
  return config.invalidate_hard_deletes === true || config.invalidate_hard_deletes === 'true' ? 'invalidate' : 'ignore';
}

/** A column name or a non-empty list of them, as a list; undefined when it is neither. */
function columnList(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value.trim()) return [value.trim()];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item.trim()))
    return value.map((item: string) => item.trim());
  return undefined;
}
