/**
 * `npm run bench:build`: how long the whole bundled project (every source from the sample, every model,
 * every test) takes to build, headless and in the browser, measured in one run on this machine.
 *   CLI:     wall time of `npm run stack -- build`, and the engine's own "Finished in" figure.
 *   Browser: from navigation to data-app-state=ready (first report drawn), and the stack's own build time
 *            (sources fetched + loaded + every model and test built) read from data-build-ms.
 * Prints the median of RUNS runs of each, and the browser/CLI ratio. Needs `npm run build` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const PORT = 4190;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const cliWall: number[] = [];
const cliEngine: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const result = spawnSync(
    'node_modules/.bin/tsx',
    ['src/cli/main.ts', 'build', '--target', mkdtempSync(join(tmpdir(), 'bench-'))],
    { encoding: 'utf8' },
  );
  cliWall.push(performance.now() - started);
  const finished = /Finished in ([\d.]+)s/.exec(result.stdout)?.[1];
  cliEngine.push(Number(finished) * 1000);
  const done = result.stdout.split('\n').find((line) => line.startsWith('Done.'));
  if (run === 0) console.log(`CLI: ${done ?? result.stderr}`);
}

const server = spawn(
  'node_modules/.bin/vite',
  ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  { stdio: 'ignore' },
);
await new Promise((resolve) => setTimeout(resolve, 3000));
const browser = await chromium.launch({
  executablePath: findBrowser()?.executablePath,
  args: CHROMIUM_ARGS,
});
const ready: number[] = [];
const built: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 120_000 });
    ready.push(performance.now() - started);
    built.push(Number(await page.locator('[data-app-state="ready"]').getAttribute('data-build-ms')));
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}

const line = (label: string, values: number[]) =>
  console.log(
    `${label.padEnd(44)} median ${(median(values) / 1000).toFixed(2)} s   runs: ${values.map((v) => (v / 1000).toFixed(2)).join(', ')}`,
  );
line('CLI build, wall time (incl. Node + WASM start)', cliWall);
line('CLI build, engine "Finished in"', cliEngine);
line('Browser, navigation to first report drawn', ready);
line('Browser, stack build (load + models + tests)', built);
console.log(`Ratio browser stack build / CLI engine build: ${(median(built) / median(cliEngine)).toFixed(2)}`);
