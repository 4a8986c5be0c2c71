/**
 * `npm run precompute` (part of `npm run build`, after `npm run sample`): builds the bundled project on the
 * bundled sample in Node, with the engine the CLI uses, and writes every report page's query results as
 * Arrow IPC to public/data/precomputed/ (not committed), with a manifest keyed by the project's and the
 * sample's hash. The page draws them while its own database boots, only when its files and data are these.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precomputeReports } from '../src/cli/precompute-reports.ts';
import { DuckDbEngine } from '../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../src/database/node-bindings.ts';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const outDir = join(root, 'public/data/precomputed');
const started = performance.now();
const { manifest, files } = await precomputeReports({
  root,
  sampleDir: join(root, 'public/data/sample'),
  engine: new DuckDbEngine(openNodeBindings),
});
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
for (const [name, bytes] of files) await writeFile(join(outDir, name), bytes);
await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
const queries = Object.values(manifest.pages).reduce((sum, page) => sum + Object.keys(page.queries).length, 0);
const bytes = [...files.values()].reduce((sum, file) => sum + file.byteLength, 0);
console.log(
  `precomputed ${queries} queries of ${files.size} report pages (${bytes.toLocaleString('en-AU')} bytes of Arrow IPC, key ${manifest.key}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
