/**
 * The CLI's run history on disk: `target/runs/<start time>/run_results.json`, one folder per run, named so
 * that they sort by time, and only the newest kept.
 */

/** How many runs the CLI keeps in target/runs/. */
export const CLI_RUNS_KEPT = 20;

/** A run's folder name from its start time: `2026-12-07T23-30-05.123Z` (no `:`, which Windows forbids). */
export function runFolderName(startedAt: string): string {
  return startedAt.replaceAll(':', '-');
}

/** Of the folders in target/runs/, the ones to delete so that the newest `limit` run folders stay. */
export function foldersToPrune(names: readonly string[], limit: number): string[] {
  const runs = names.filter((name) => RUN_FOLDER.test(name)).sort();
  return runs.slice(0, Math.max(0, runs.length - limit));
}

const RUN_FOLDER = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(?:\.\d+)?Z(?:-\d+)?$/;
