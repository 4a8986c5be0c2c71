/**
 * `tsx scripts/initial-bytes.ts [dist] [--report-only]`: the JavaScript a first visit loads before the page
 * can run (target P5: at most 250 KB gzip), chunk by chunk, as `npm run bench` counts it (the walker in
 * scripts/bench/initial-bytes.ts: index.html's module scripts and modulepreloads and their static imports;
 * a chunk behind `import()` loads when its page is first opened). Exits 1 over the budget, unless
 * `--report-only` (to see the figures of a build that is over it; `npm run build` fails over the budget).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialChunks } from './bench/initial-bytes.ts';

/** The budget for the first visit's JavaScript, gzip bytes (P5). */
const INITIAL_JS_BUDGET = 250_000;

const dist = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist';
let chunks: string[];
try {
  chunks = initialChunks({
    indexHtml: readFileSync(join(dist, 'index.html'), 'utf8'),
    readFile: (path) => (existsSync(join(dist, path)) ? readFileSync(join(dist, path), 'utf8') : undefined),
  });
} catch (error) {
  console.error(`Initial JavaScript: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
let total = 0;
for (const chunk of chunks) {
  const gzip = gzipSync(readFileSync(join(dist, chunk)), { level: 9 }).length;
  total += gzip;
  console.log(`  ${(gzip / 1000).toFixed(1).padStart(7)} kB gzip  ${chunk}`);
}
const verdict = total <= INITIAL_JS_BUDGET ? 'within' : 'OVER';
console.log(
  `Initial JavaScript: ${(total / 1000).toFixed(1)} kB gzip (${total} bytes), ${verdict} the ${INITIAL_JS_BUDGET / 1000} kB budget (P5)`,
);
if (total > INITIAL_JS_BUDGET && !process.argv.includes('--report-only')) process.exitCode = 1;
