import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.ts';
import { bundledProject } from './scripts/bundled-project-plugin.ts';
import { precompress } from './scripts/precompress-plugin.ts';
import { serviceWorker } from './scripts/service-worker-plugin.ts';
import { defineConfig } from 'vitest/config';
import { sampleFolderKey } from './src/cli/bundled-files.ts';

/**
 * DuckDB-WASM's browser "blocking" build runs DuckDB synchronously inside our own worker, with the same
 * bindings API as the Node build the CLI and tests use. Its package `exports` do not list it (the
 * `./blocking` entry points browsers at a file that is not shipped in 1.32.0), so we alias the file.
 */
const publicData = (path: string) => fileURLToPath(new URL(`./public/data/${path}`, import.meta.url));

const duckdbBrowserBlocking = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

export default defineConfig({
  // Relative URLs: the same build works at a site's root and under any sub-path (GitHub Pages' /<repo>/).
  base: './',
  plugins: [
    svelte(),
    bundledProject({ root: fileURLToPath(new URL('.', import.meta.url)) }),
    serviceWorker(),
    precompress(),
  ],
  define: {
    // Whether `npm run snapshot` put real data in public/data/snapshot before this build: the page then
    // reads its manifest, and otherwise never asks for it (a static host would answer 404).
    'import.meta.env.VITE_BUNDLED_SNAPSHOT': JSON.stringify(
      existsSync(fileURLToPath(new URL('./public/data/snapshot/manifest.json', import.meta.url))) ? 'yes' : '',
    ),
    // The report results `npm run precompute` computed on the sample (its manifest, inlined so the page
    // knows their key without a request), and the key of the sample this build serves: the page compares
    // both with its own files and data before it draws any of them.
    'import.meta.env.VITE_PRECOMPUTED': JSON.stringify(
      existsSync(publicData('precomputed/manifest.json'))
        ? readFileSync(publicData('precomputed/manifest.json'), 'utf8')
        : '',
    ),
    'import.meta.env.VITE_SAMPLE_DATA_KEY': JSON.stringify(
      existsSync(publicData('sample')) ? sampleFolderKey(publicData('sample')) : '',
    ),
  },
  resolve: {
    alias: { 'duckdb-browser-blocking': duckdbBrowserBlocking },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  test: {
    testTimeout: 60_000,
    // Booting DuckDB-WASM and generating the samples takes seconds on a 2-core machine that is busy.
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/corpus/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        // The same suites in real Chromium, against the code the browser runs (the worker engine).
        extends: true,
        // Pre-bundled up front, so Vite does not find it mid-run (in the worker) and reload the test page.
        optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'], include: ['duckdb-browser-blocking'] },
        test: {
          name: 'chromium',
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: findBrowser()?.executablePath, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
