import type { InputValue } from '../../core/report/bind-inputs.ts';
import { queryKey } from '../../core/results/results-key.ts';

/** Where a report's first results came from, before its own database answered. */
export type EarlySource = 'precomputed' | 'cached';

/**
 * Results of one report page that may be drawn before the database is built: computed for exactly this
 * project, data and page (precomputed by the site's build, or kept by this browser after a build), looked
 * up by the query's bound SQL and parameter values. A query it does not hold waits for the build.
 */
export interface EarlyResults {
  /** Where they came from. */
  source: EarlySource;
  /** The report page they are for (`reports/index.md`). */
  page: string;
  /** The project-and-data key they were computed for. */
  key: string;
  /** A query's Arrow IPC result, when held. */
  lookup: (sql: string, params: readonly InputValue[]) => Uint8Array | undefined;
}

/** Early results over a map of Arrow IPC bytes by `queryKey`. */
export function earlyResults(options: {
  source: EarlySource;
  page: string;
  key: string;
  results: ReadonlyMap<string, Uint8Array>;
}): EarlyResults {
  const { results, ...rest } = options;
  return { ...rest, lookup: (sql, params) => results.get(queryKey({ sql, params })) };
}
