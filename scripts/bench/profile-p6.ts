/**
 * `tsx scripts/bench/profile-p6.ts`: P6's two pages with their parts timed (lineage: layout vs Svelte
 * mount and style vs the frame; map: mount to drawn), five runs each, for finding where the time goes.
 * Builds the bench pages like `npm run bench` and needs a dist/ beside them (the server serves both).
 */
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findBrowser } from '../find-browser.ts';
import { buildBenchPages } from './bench-pages.ts';
import { BENCH_PREFIX, startSiteServer } from './site-server.ts';

const PORT = Number(process.env.BENCH_PORT ?? 7491);
const RUNS = Number(process.env.RUNS ?? 5);
const distDir = resolve('dist');
const server = await startSiteServer({ distDir, benchDir: await buildBenchPages({ distDir }), port: PORT });
const browser = await chromium.launch({ executablePath: findBrowser()?.executablePath, args: CHROMIUM_ARGS });
try {
  for (const [page, call] of [
    ['lineage', 'runLineageBench(500)'],
    ['map', 'runMapBench(22000)'],
  ] as const) {
    for (let run = 0; run < RUNS; run++) {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${PORT}${BENCH_PREFIX}${page}.html`);
      await tab.waitForFunction((name) => name in globalThis, call.split('(')[0]!);
      const result: unknown = await tab.evaluate(`globalThis.${call}`);
      console.log(
        page,
        JSON.stringify(result, (_, value: unknown) => (typeof value === 'number' ? Math.round(value) : value)),
      );
      await tab.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
