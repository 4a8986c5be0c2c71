import { planSourceLoad, type BuildStep } from '../plan/build-plan.ts';
import type { SourceNode } from '../project/types.ts';
import { readSourceSpec, type SourceFileSpec } from './catalogue.ts';
import { emptyLoadReport, prepareSource, type LoadReport, type SourceTable } from './prepare-source.ts';
import { readSourceFile } from './read-source-file.ts';
import { messageOf } from '../text/message-of.ts';

/** One of a source's files as obtained: its bytes and where they came from, or why it could not be had. */
export type ObtainedFile =
  { file: SourceFileSpec; origin: string; bytes: Uint8Array } | { file: SourceFileSpec; origin: string; error: string };

/** A source's load step and its report. */
export interface PlannedSource {
  /** The build step loading the raw and quarantine tables (an error step when the source cannot load). */
  step: BuildStep;
  /** What was read, loaded, quarantined, and any warnings or error. */
  report: LoadReport;
}

/**
 * From a source's files (downloaded, bundled, or loaded by hand) to its load step: read each file by the
 * source's format, apply the contract, and plan the raw and quarantine tables. A source that cannot be
 * read or fails its contract becomes an error step naming the source and the reason, so everything
 * reading it is skipped while every other source still loads.
 */
export function planSourceFromFiles(options: {
  source: SourceNode;
  files: readonly ObtainedFile[];
  loadedAt: string;
}): PlannedSource {
  const { source, files, loadedAt } = options;
  const { spec, problems } = readSourceSpec(source);
  const emptyReport = (error: string): LoadReport =>
    emptyLoadReport({ uniqueId: source.uniqueId, title: spec?.title ?? source.name, error });
  const fail = (error: string): PlannedSource => ({
    step: planSourceLoad({ source, loadedAt, error }),
    report: emptyReport(error),
  });
  if (!spec)
    return fail(
      `The catalogue entry for ${source.sourceName}.${source.name} (${source.path}) is invalid: ${problems.join(' ')}`,
    );
  const tables: SourceTable[] = [];
  for (const obtained of files) {
    if ('error' in obtained) return fail(`${spec.title}: ${obtained.error}`);
    try {
      const read = readSourceFile({ spec, file: obtained.file, bytes: obtained.bytes });
      tables.push({ file: obtained.file, origin: obtained.origin, rows: read.rows, warnings: read.warnings });
    } catch (error) {
      return fail(`${spec.title}: ${messageOf(error)}`);
    }
  }
  const prepared = prepareSource({ spec, tables });
  if (prepared.report.error)
    return { step: planSourceLoad({ source, loadedAt, error: prepared.report.error }), report: prepared.report };
  return {
    step: planSourceLoad({ source, csv: prepared.csv, quarantineCsv: prepared.quarantineCsv, loadedAt }),
    report: prepared.report,
  };
}
