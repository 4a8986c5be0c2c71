import { describe, expect, it } from 'vitest';
import type { Freshness } from '../project/types.ts';
import { checkFreshness } from './check-freshness.ts';
import { formatFreshnessDone, formatFreshnessResult, freshnessFailed } from './format-freshness.ts';
import {
  freshnessProblems,
  freshnessStatus,
  hasFreshness,
  parseLoadedAt,
  thresholdSeconds,
} from './freshness-rules.ts';
import { LOAD_TIMESTAMP_COLUMN, planMaxLoadedAt } from './max-loaded-at.ts';
import { buildSourcesArtifact } from './sources-artifact.ts';
import type { SourceNode } from '../project/types.ts';

const BOTH: Freshness = { warnAfter: { count: 24, period: 'hour' }, errorAfter: { count: 48, period: 'hour' } };
const HOUR = 3_600;

describe('freshness rules (dbt)', () => {
  it.each([
    ['younger than warn_after', 23 * HOUR, BOTH, 'pass'],
    ['exactly warn_after (not strictly older)', 24 * HOUR, BOTH, 'pass'],
    ['a second past warn_after', 24 * HOUR + 1, BOTH, 'warn'],
    ['exactly error_after', 48 * HOUR, BOTH, 'warn'],
    ['past error_after', 48 * HOUR + 1, BOTH, 'error'],
    ['from the future', -5 * HOUR, BOTH, 'pass'],
    ['only warn_after, far past it', 1000 * HOUR, { warnAfter: { count: 1, period: 'day' } }, 'warn'],
    ['only error_after, past it', 2 * HOUR, { errorAfter: { count: 90, period: 'minute' } }, 'error'],
    ['only error_after, before it', 1 * HOUR, { errorAfter: { count: 90, period: 'minute' } }, 'pass'],
    // dbt looks at error_after first, so a warn_after longer than error_after never shows.
    [
      'warn_after longer than error_after',
      3 * HOUR,
      { warnAfter: { count: 5, period: 'hour' }, errorAfter: { count: 2, period: 'hour' } },
      'error',
    ],
  ] as const)('%s → %s', (_title, ageSeconds, freshness, status) => {
    expect(freshnessStatus({ ageSeconds, freshness })).toBe(status);
  });

  it('knows minute, hour and day', () => {
    expect(thresholdSeconds({ count: 90, period: 'minute' })).toBe(5_400);
    expect(thresholdSeconds({ count: 2, period: 'hour' })).toBe(7_200);
    expect(thresholdSeconds({ count: 400, period: 'day' })).toBe(34_560_000);
  });

  it('names what is wrong with a threshold', () => {
    expect(
      freshnessProblems({ warnAfter: { count: 3, period: 'week' }, errorAfter: { count: 0, period: 'day' } }),
    ).toEqual([
      "warn_after: period 'week' is not one of minute, hour, day.",
      'error_after: count 0 is not a positive whole number.',
    ]);
    expect(freshnessProblems(BOTH)).toEqual([]);
  });

  it('skips sources with neither threshold (freshness: null, or only loaded_at_field)', () => {
    expect(hasFreshness(undefined)).toBe(false);
    expect(hasFreshness({ loadedAtField: '_load_timestamp' })).toBe(false);
    expect(hasFreshness({ errorAfter: { count: 1, period: 'day' } })).toBe(true);
  });

  it('reads times without an offset as UTC', () => {
    expect(parseLoadedAt('2026-03-02 09:30:00')).toBe(Date.parse('2026-03-02T09:30:00Z'));
    expect(parseLoadedAt('2026-03-02T09:30:00.250')).toBe(Date.parse('2026-03-02T09:30:00.250Z'));
    expect(parseLoadedAt('2026-03-02T09:30:00+10:00')).toBe(Date.parse('2026-03-01T23:30:00Z'));
    expect(parseLoadedAt('2026-03-02')).toBe(Date.parse('2026-03-02T00:00:00Z'));
    expect(parseLoadedAt('not a time')).toBeUndefined();
  });
});

describe('checkFreshness', () => {
  const base = {
    uniqueId: 'source.p.s.t',
    name: 's.t',
    freshness: BOTH,
    snapshottedAt: '2026-03-03T12:00:00Z',
    executionSeconds: 0.01,
  };

  it('measures the age from the newest load to the check', () => {
    const result = checkFreshness({ ...base, maxLoadedAt: '2026-03-02 11:00:00' });
    expect(result).toMatchObject({ status: 'warn', ageSeconds: 25 * HOUR, maxLoadedAt: '2026-03-02T11:00:00.000Z' });
    expect(formatFreshnessResult({ result, index: 2, total: 3 })).toMatch(
      /^2 of 3 WARN freshness of s\.t \.+ \[WARN in 0\.01s\]$/,
    );
  });

  it('is a runtime error when there is no load time, a load failed, or a threshold is invalid', () => {
    expect(checkFreshness({ ...base })).toMatchObject({
      status: 'runtime error',
      error: 's.t has no load time: no row has a value in its loaded_at field.',
    });
    expect(checkFreshness({ ...base, error: 'no file t.csv' })).toMatchObject({
      status: 'runtime error',
      error: 'no file t.csv',
    });
    expect(checkFreshness({ ...base, maxLoadedAt: 'soon' }).error).toBe(
      "s.t: the load time 'soon' is not a timestamp.",
    );
    const invalid = checkFreshness({
      ...base,
      freshness: { warnAfter: { count: 1, period: 'fortnight' } },
      maxLoadedAt: '2026-03-03',
    });
    expect(invalid.status).toBe('runtime error');
    expect(invalid.error).toContain("period 'fortnight'");
  });

  it('exits non-zero on error and runtime error only, and counts both as ERROR', () => {
    const pass = checkFreshness({ ...base, maxLoadedAt: '2026-03-03T11:00:00Z' });
    const warn = checkFreshness({ ...base, maxLoadedAt: '2026-03-02T11:00:00Z' });
    const stale = checkFreshness({ ...base, maxLoadedAt: '2026-02-01T11:00:00Z' });
    const broken = checkFreshness({ ...base, error: 'boom' });
    expect(freshnessFailed([pass, warn])).toBe(false);
    expect(freshnessFailed([pass, stale])).toBe(true);
    expect(freshnessFailed([broken])).toBe(true);
    expect(formatFreshnessDone([pass, warn, stale, broken])).toBe('Done. PASS=1 WARN=1 ERROR=2 TOTAL=4');
    expect(formatFreshnessResult({ result: stale, index: 1, total: 1 })).toContain('ERROR STALE freshness of s.t');
  });

  it('writes dbt sources.json entries, runtime errors in their short shape', () => {
    const artifact = buildSourcesArtifact({
      results: [
        checkFreshness({ ...base, maxLoadedAt: '2026-03-03T11:00:00Z' }),
        checkFreshness({ ...base, error: 'boom' }),
      ],
      generatedAt: '2026-03-03T12:00:01Z',
      invocationId: 'abc',
      elapsedSeconds: 1.5,
    });
    expect(artifact.results).toEqual([
      {
        unique_id: 'source.p.s.t',
        max_loaded_at: '2026-03-03T11:00:00.000Z',
        snapshotted_at: '2026-03-03T12:00:00Z',
        max_loaded_at_time_ago_in_s: HOUR,
        status: 'pass',
        criteria: {
          warn_after: { count: 24, period: 'hour' },
          error_after: { count: 48, period: 'hour' },
          filter: null,
        },
        adapter_response: {},
        timing: [],
        thread_id: 'Thread-1',
        execution_time: 0.01,
      },
      { unique_id: 'source.p.s.t', error: 'boom', status: 'runtime error' },
    ]);
  });
});

describe('planMaxLoadedAt', () => {
  const source = (loadedAtField?: string) =>
    ({
      resourceType: 'source',
      schema: 'main',
      relation: 'raw__t',
      freshness: { ...BOTH, loadedAtField },
    }) as unknown as SourceNode;

  it('uses the newest fetched-at time for the loaders own column, or none', () => {
    const fetchedAt = ['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'];
    expect(planMaxLoadedAt({ source: source(LOAD_TIMESTAMP_COLUMN), fetchedAt })).toEqual({
      fetchedAt: '2026-03-02T00:00:00Z',
    });
    expect(planMaxLoadedAt({ source: source(), fetchedAt })).toEqual({ fetchedAt: '2026-03-02T00:00:00Z' });
  });

  it('queries a data column, and the load stamp when nothing was fetched', () => {
    expect(planMaxLoadedAt({ source: source('updated_at'), fetchedAt: ['2026-03-01T00:00:00Z'] })).toEqual({
      sql: 'select max(try_cast("updated_at" as timestamp))::varchar as max_loaded_at from "main"."raw__t"',
    });
    expect(planMaxLoadedAt({ source: source(LOAD_TIMESTAMP_COLUMN), fetchedAt: [] })).toEqual({
      sql: 'select max(try_cast("_load_timestamp" as timestamp))::varchar as max_loaded_at from "main"."raw__t"',
    });
  });
});
