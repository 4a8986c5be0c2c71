import type { ReportQuery } from '../../core/report/parse-report.ts';
import { queryKey } from '../../core/results/results-key.ts';
import type { QueryOutcome } from '../report/run-report-queries.ts';

/**
 * The database's own answers among a page's outcomes, as Arrow IPC by `queryKey` (the bound SQL and the
 * parameter values it ran with): what a page keeps for the next visit. Early answers and failures are left out.
 */
export function liveResultsOf(options: {
  queries: readonly ReportQuery[];
  outcomes: ReadonlyMap<string, QueryOutcome>;
}): ReadonlyMap<string, Uint8Array> {
  const results = new Map<string, Uint8Array>();
  for (const query of options.queries) {
    const outcome = options.outcomes.get(query.name);
    if (outcome?.ok && !outcome.early) {
      results.set(queryKey({ sql: query.bound.sql, params: outcome.params }), outcome.ipc);
    }
  }
  return results;
}
