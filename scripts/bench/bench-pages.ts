/**
 * The pages `npm run bench` opens beside the app, built by one small Vite build: the bare-engine reference
 * (P1), the lineage (P6) and the map (P6). The reference's .wasm files must be the app's: Vite names them by
 * content hash, so the same names in dist/assets prove it, and the copies are removed so the server hands
 * out the app's own files.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';

const PAGES = {
  reference: 'src/ui/bench/engine-reference-page.ts',
  lineage: 'src/ui/lineage/bench-page.ts',
  map: 'src/ui/components/point-map-bench-page.ts',
} as const;

/** Build the bench pages into a temporary folder; returns it. Throws if the reference's .wasm differs from dist's. */
export async function buildBenchPages(options: { distDir: string }): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  const input: Record<string, string> = {};
  for (const [name, module] of Object.entries(PAGES)) {
    writeFileSync(join(root, `${name}.ts`), `import ${JSON.stringify(resolve(module))};\n`);
    writeFileSync(
      join(root, `${name}.html`),
      `<!doctype html><html><body><div id="app"></div><script type="module" src="./${name}.ts"></script></body></html>`,
    );
    input[name] = join(root, `${name}.html`);
  }
  const outDir = join(root, 'dist');
  await build({
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [svelte({ configFile: false, preprocess: vitePreprocess() })],
    resolve: {
      alias: {
        'duckdb-browser-blocking': resolve('node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs'),
      },
    },
    worker: { format: 'es' },
    build: { outDir, target: 'es2022', rollupOptions: { input }, chunkSizeWarningLimit: 100_000 },
  });
  const appAssets = new Set(readdirSync(join(options.distDir, 'assets')));
  for (const file of readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.wasm'))) {
    if (!appAssets.has(file)) throw new Error(`the reference page's ${file} is not the app's (dist/assets lacks it)`);
    rmSync(join(outDir, 'assets', file));
  }
  return outDir;
}
