import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldersToPrune, runFolderName } from '../core/runs/run-folders.ts';

/**
 * Keep this run's run_results.json in `target/runs/<start time>/` beside target/run_results.json (which the
 * next run overwrites), and delete the oldest run folders past `limit`. Returns the folder written.
 */
export function keepRunResults(options: {
  target: string;
  startedAt: string;
  runResults: unknown;
  limit: number;
}): string {
  const runs = join(options.target, 'runs');
  mkdirSync(runs, { recursive: true });
  // Two runs in one millisecond (a script) get a suffix rather than overwrite each other.
  let folder = runFolderName(options.startedAt);
  for (let n = 2; existsSync(join(runs, folder)); n++) folder = `${runFolderName(options.startedAt)}-${n}`;
  mkdirSync(join(runs, folder));
  writeFileSync(join(runs, folder, 'run_results.json'), `${JSON.stringify(options.runResults, null, 2)}\n`);
  for (const old of foldersToPrune(readdirSync(runs), options.limit))
    rmSync(join(runs, old), { recursive: true, force: true });
  return join(runs, folder);
}
