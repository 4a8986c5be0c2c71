/**
 * dbt's `sources.json` (schema v3, https://schemas.getdbt.com/dbt/sources/v3.json), written by
 * `source freshness`: one entry per checked source table, so tools that read dbt's freshness can read ours.
 */
import { DBT_VERSION } from '../artifacts/manifest-types.ts';
import type { FreshnessThreshold } from '../project/types.ts';
import type { FreshnessResult } from './check-freshness.ts';

/** A threshold in sources.json: both null when not declared. */
export interface SourcesThreshold {
  /** How many periods, or null. */
  count: number | null;
  /** minute, hour or day, or null. */
  period: string | null;
}

/** A checked source in sources.json. */
export interface SourcesFreshnessEntry {
  /** The source's unique id. */
  unique_id: string;
  /** Newest load time, ISO 8601. */
  max_loaded_at: string;
  /** When the check ran, ISO 8601. */
  snapshotted_at: string;
  /** Seconds between the two. */
  max_loaded_at_time_ago_in_s: number;
  /** pass, warn or error. */
  status: 'pass' | 'warn' | 'error';
  /** The thresholds. */
  criteria: { warn_after: SourcesThreshold; error_after: SourcesThreshold; filter: null };
  /** Nothing the database reports for this check. */
  adapter_response: Record<string, never>;
  /** dbt's compile/execute timings; not timed separately here. */
  timing: never[];
  /** Always `Thread-1`: checks run one at a time. */
  thread_id: string;
  /** Seconds the check took. */
  execution_time: number;
}

/** A source whose check could not run, as dbt writes it. */
export interface SourcesRuntimeError {
  /** The source's unique id. */
  unique_id: string;
  /** Why. */
  error: string;
  /** Always `runtime error`. */
  status: 'runtime error';
}

/** The whole artifact. */
export interface SourcesArtifact {
  /** Schema URL, dbt version, time of writing, invocation id, env. */
  metadata: {
    dbt_schema_version: string;
    dbt_version: string;
    generated_at: string;
    invocation_id: string;
    env: Record<string, string>;
  };
  /** One entry per checked source, in check order. */
  results: Array<SourcesFreshnessEntry | SourcesRuntimeError>;
  /** Seconds the whole command took. */
  elapsed_time: number;
}

/** Build sources.json from the checks' results. */
export function buildSourcesArtifact(options: {
  results: readonly FreshnessResult[];
  generatedAt: string;
  invocationId: string;
  elapsedSeconds: number;
}): SourcesArtifact {
  return {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/sources/v3.json',
      dbt_version: DBT_VERSION,
      generated_at: options.generatedAt,
      invocation_id: options.invocationId,
      env: {},
    },
    results: options.results.map(entryOf),
    elapsed_time: options.elapsedSeconds,
  };
}

function entryOf(result: FreshnessResult): SourcesFreshnessEntry | SourcesRuntimeError {
  if (result.status === 'runtime error' || result.maxLoadedAt === undefined || result.ageSeconds === undefined)
    return { unique_id: result.uniqueId, error: result.error ?? 'no load time', status: 'runtime error' };
  return {
    unique_id: result.uniqueId,
    max_loaded_at: result.maxLoadedAt,
    snapshotted_at: result.snapshottedAt,
    max_loaded_at_time_ago_in_s: result.ageSeconds,
    status: result.status,
    criteria: {
      warn_after: threshold(result.freshness.warnAfter),
      error_after: threshold(result.freshness.errorAfter),
      filter: null,
    },
    adapter_response: {},
    timing: [],
    thread_id: 'Thread-1',
    execution_time: result.executionSeconds,
  };
}

function threshold(value: FreshnessThreshold | undefined): SourcesThreshold {
  return value ? { count: value.count, period: value.period } : { count: null, period: null };
}
