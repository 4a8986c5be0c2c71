/**
 * One source table's freshness check, from what was found out about it: its newest load time, or why
 * there is none. Pure: the CLI obtains the times (a query, or the loaders' fetched-at times) and this
 * turns them into dbt's result.
 */
import type { Freshness } from '../project/types.ts';
import { freshnessProblems, freshnessStatus, parseLoadedAt, type FreshnessStatus } from './freshness-rules.ts';

/** What a check learned about a source table. */
export interface FreshnessInput {
  /** The source's unique id (`source.<project>.<source>.<table>`). */
  uniqueId: string;
  /** `<source>.<table>`, as dbt names it in its log lines. */
  name: string;
  /** Its thresholds. */
  freshness: Freshness;
  /** Its newest load time (ISO 8601; no offset means UTC), when one was found. */
  maxLoadedAt?: string | undefined;
  /** Why no load time could be had (the source failed to load, the query failed). */
  error?: string | undefined;
  /** When the check ran, ISO 8601. */
  snapshottedAt: string;
  /** Seconds the check took. */
  executionSeconds: number;
}

/** A check's outcome. */
export interface FreshnessResult {
  /** The source's unique id. */
  uniqueId: string;
  /** `<source>.<table>`. */
  name: string;
  /** pass, warn, error (stale), or runtime error. */
  status: FreshnessStatus;
  /** The thresholds it was checked against. */
  freshness: Freshness;
  /** The newest load time, ISO 8601 UTC (absent for a runtime error). */
  maxLoadedAt?: string | undefined;
  /** When the check ran. */
  snapshottedAt: string;
  /** Seconds from `maxLoadedAt` to `snapshottedAt` (absent for a runtime error). */
  ageSeconds?: number | undefined;
  /** A runtime error's message. */
  error?: string | undefined;
  /** Seconds the check took. */
  executionSeconds: number;
}

/** Decide one source table's freshness. */
export function checkFreshness(input: FreshnessInput): FreshnessResult {
  const base = {
    uniqueId: input.uniqueId,
    name: input.name,
    freshness: input.freshness,
    snapshottedAt: input.snapshottedAt,
    executionSeconds: input.executionSeconds,
  };
  const runtimeError = (error: string): FreshnessResult => ({ ...base, status: 'runtime error', error });
  const problems = freshnessProblems(input.freshness);
  if (problems.length > 0) return runtimeError(`Invalid freshness of ${input.name}: ${problems.join(' ')}`);
  if (input.error !== undefined) return runtimeError(input.error);
  const loaded = input.maxLoadedAt === undefined ? undefined : parseLoadedAt(input.maxLoadedAt);
  if (loaded === undefined)
    return runtimeError(
      input.maxLoadedAt === undefined
        ? `${input.name} has no load time: no row has a value in its loaded_at field.`
        : `${input.name}: the load time '${input.maxLoadedAt}' is not a timestamp.`,
    );
  const snapshotted = parseLoadedAt(input.snapshottedAt);
  if (snapshotted === undefined) throw new Error(`snapshottedAt '${input.snapshottedAt}' is not a timestamp.`);
  const ageSeconds = (snapshotted - loaded) / 1000;
  return {
    ...base,
    status: freshnessStatus({ ageSeconds, freshness: input.freshness }),
    maxLoadedAt: new Date(loaded).toISOString(),
    ageSeconds,
  };
}
