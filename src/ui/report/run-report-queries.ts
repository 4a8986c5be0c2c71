import type { ReportDocument } from '../../core/report/parse-report.ts';
import type { Engine } from '../../engine/contract.ts';
import { decodeResult, type DecodedResult } from '../../engine/decode-result.ts';

/** One report query's outcome. */
export type QueryOutcome = { ok: true; result: DecodedResult; elapsedMs: number } | { ok: false; message: string };

/** Run every named query of a report; one failing query does not stop the others. */
export async function runReportQueries(options: {
  engine: Engine;
  report: ReportDocument;
}): Promise<Map<string, QueryOutcome>> {
  const { engine, report } = options;
  const entries = await Promise.all(
    report.queries.map(async (query): Promise<[string, QueryOutcome]> => {
      try {
        const { ipc, elapsedMs } = await engine.query(query.sql);
        return [query.name, { ok: true, result: decodeResult(ipc), elapsedMs }];
      } catch (error) {
        return [query.name, { ok: false, message: error instanceof Error ? error.message : String(error) }];
      }
    }),
  );
  return new Map(entries);
}
