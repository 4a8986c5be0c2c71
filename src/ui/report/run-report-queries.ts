import type { ReportDocument } from '../../core/report/parse-report.ts';
import type { ProjectNode } from '../../core/project/types.ts';
import type { Engine, StepResult } from '../../engine/contract.ts';
import { decodeResult, type DecodedResult } from '../../engine/decode-result.ts';
import { messageOf } from '../../core/text/message-of.ts';

/** One report query's outcome. */
export type QueryOutcome = { ok: true; result: DecodedResult; elapsedMs: number } | { ok: false; message: string };

/** Run every named query of a report; one failing query does not stop the others. */
export async function runReportQueries(options: {
  engine: Engine;
  report: ReportDocument;
  /** Models that did not build this session, by relation name, with why: a query reading one says so. */
  unbuilt?: ReadonlyMap<string, string>;
}): Promise<Map<string, QueryOutcome>> {
  const { engine, report } = options;
  const entries = await Promise.all(
    report.queries.map(async (query): Promise<[string, QueryOutcome]> => {
      try {
        const { ipc, elapsedMs } = await engine.query(query.sql);
        return [query.name, { ok: true, result: decodeResult(ipc), elapsedMs }];
      } catch (error) {
        const message = messageOf(error);
        return [query.name, { ok: false, message: explain(message, options.unbuilt) }];
      }
    }),
  );
  return new Map(entries);
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
