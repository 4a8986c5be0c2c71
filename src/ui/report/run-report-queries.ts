import type { InputValue } from '../../core/report/bind-inputs.ts';
import type { ReportQuery } from '../../core/report/parse-report.ts';
import type { ProjectNode } from '../../core/project/types.ts';
import type { Engine, StepResult } from '../../engine/contract.ts';
import type { DecodedResult } from '../../engine/decode-result.ts';
import { messageOf } from '../../core/text/message-of.ts';
import type { EarlySource } from '../results/early-results.ts';
import { loadResultDecoder } from './result-decoder.ts';

/** One report query's outcome: its rows, why it failed, or the inputs it still waits for. */
export type QueryOutcome =
  | {
      ok: true;
      result: DecodedResult;
      elapsedMs: number;
      params: InputValue[];
      /** The result as the engine sent it, kept so a built page's results can be stored for the next visit. */
      ipc: Uint8Array;
      /** Set when the result is not yet the database's own: precomputed by the site, or kept from a visit. */
      early?: EarlySource | undefined;
    }
  | { ok: false; message: string; waitingFor?: never }
  | { ok: false; message: string; waitingFor: string[] };

/**
 * Run one report query with its inputs bound as parameters of a prepared statement. A query whose inputs
 * do not all have values yet waits for them rather than running with a guess.
 */
export async function runReportQuery(options: {
  engine: Engine;
  query: ReportQuery;
  inputs: ReadonlyMap<string, InputValue>;
  /** Models that did not build this session, by relation name, with why: a query reading one says so. */
  unbuilt?: ReadonlyMap<string, string> | undefined;
}): Promise<QueryOutcome> {
  const { engine, query, inputs } = options;
  const waitingFor = query.bound.inputs.filter((name) => !inputs.has(name));
  if (waitingFor.length > 0) {
    return { ok: false, waitingFor, message: `waiting for a value of ${waitingFor.map((n) => `'${n}'`).join(', ')}` };
  }
  const params = query.bound.inputs.map((name) => inputs.get(name) ?? null);
  try {
    // The decoder is asked for alongside the query (both awaited at once, so neither failure goes unhandled
    // while the other is pending): a first query does not wait for Arrow's chunk after its answer.
    const [{ ipc, elapsedMs }, decode] = await Promise.all([
      params.length > 0 ? engine.query(query.bound.sql, params) : engine.query(query.bound.sql),
      loadResultDecoder(),
    ]);
    return { ok: true, result: decode(ipc), elapsedMs, params, ipc };
  } catch (error) {
    return { ok: false, message: explain(messageOf(error), options.unbuilt) };
  }
}

/** DuckDB says a table does not exist; when it is a model that failed to build, say that instead. */
function explain(message: string, unbuilt: ReadonlyMap<string, string> | undefined): string {
  const missing = /Table with name ([A-Za-z0-9_]+) does not exist/.exec(message)?.[1];
  const why = missing ? unbuilt?.get(missing) : undefined;
  return missing && why ? `${missing} did not build (${why}). See the build log in the workbench.` : message;
}

/** Models whose last build did not succeed, by relation name, with the reason. */
export function unbuiltModels(options: {
  results: ReadonlyMap<string, StepResult>;
  nodes: ReadonlyMap<string, ProjectNode> | undefined;
}): Map<string, string> {
  const unbuilt = new Map<string, string>();
  for (const [id, result] of options.results) {
    const node = options.nodes?.get(id);
    if (node?.resourceType === 'model' && (result.status === 'error' || result.status === 'skipped')) {
      unbuilt.set(node.relation, result.error?.message ?? result.status);
    }
  }
  return unbuilt;
}
