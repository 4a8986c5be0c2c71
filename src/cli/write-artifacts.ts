import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Write target/manifest.json and, after a run, target/run_results.json. */
export function writeArtifacts(options: { target: string; manifest: unknown; runResults?: unknown }): void {
  mkdirSync(options.target, { recursive: true });
  writeFileSync(join(options.target, 'manifest.json'), `${JSON.stringify(options.manifest, null, 2)}\n`);
  if (options.runResults)
    writeFileSync(join(options.target, 'run_results.json'), `${JSON.stringify(options.runResults, null, 2)}\n`);
}
