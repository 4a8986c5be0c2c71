/**
 * `npm run bench:lineage`: a generated 500-node project (sources, staging, intermediate and mart models,
 * tests, metrics, reports) laid out with dagre and drawn by the real LineageView in headless Chromium.
 * Each run is a fresh page (cold JIT); prints every run and the median against the 500 ms target.
 * SIZE and RUNS override the defaults (500 nodes, 5 runs).
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.ts';

const SIZE = Number(process.env.SIZE ?? 500);
const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 500;

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'bench-lineage-'));
  const page = resolve('src/ui/lineage/bench-page.ts');
  writeFileSync(join(root, 'main.ts'), `import ${JSON.stringify(page)};\n`);
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><body><div id="app"></div><script type="module" src="./main.ts"></script></body></html>',
  );
  const outDir = join(root, 'dist');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [svelte({ configFile: false, preprocess: vitePreprocess() })],
    build: { outDir, target: 'es2022' },
  });

  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = join(outDir, (request.url ?? '/') === '/' ? 'index.html' : ((request.url ?? '').split('?')[0] ?? ''));
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const browser = await chromium.launch({ executablePath: findBrowser()?.executablePath, args: CHROMIUM_ARGS });
  type Run = { nodes: number; edges: number; layoutMs: number; drawMs: number; totalMs: number };
  const runs: Run[] = [];
  try {
    for (let n = 0; n < RUNS; n++) {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/`);
      await tab.waitForFunction(() => 'runLineageBench' in globalThis);
      runs.push(
        await tab.evaluate(
          (size) =>
            (globalThis as unknown as { runLineageBench: (size: number) => Promise<Run> }).runLineageBench(size),
          SIZE,
        ),
      );
      await tab.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const first = runs[0];
  console.log(`Lineage of ${first?.nodes} nodes and ${first?.edges} edges, ${RUNS} fresh pages in headless Chromium`);
  const row = (label: string, values: number[]) =>
    console.log(
      `${label.padEnd(34)} median ${median(values).toFixed(0).padStart(5)} ms   runs: ${values.map((v) => v.toFixed(0)).join(', ')}`,
    );
  row(
    'layout (dagre)',
    runs.map((run) => run.layoutMs),
  );
  row(
    'draw (mount + style + layout)',
    runs.map((run) => run.drawMs),
  );
  row(
    'total, graph to first frame',
    runs.map((run) => run.totalMs),
  );
  const total = median(runs.map((run) => run.totalMs));
  console.log(
    `target ≤ ${TARGET_MS} ms: ${total <= TARGET_MS ? 'pass' : 'FAIL'} (${(total / TARGET_MS).toFixed(2)} of target)`,
  );
}

void main();
