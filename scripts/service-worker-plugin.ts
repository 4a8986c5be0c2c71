import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Files of the build the service worker does not cache up front: the MVP WebAssembly is for old browsers,
 * and the precompressed `.br`/`.gz` copies are for the host to send (the cache keeps the decoded file).
 */
const NOT_PRECACHED = [/^sw\.js$/, /^_headers$/, /\.map$/, /duckdb-mvp[^/]*\.wasm/, /\.(br|gz)$/];

/**
 * Writes `sw.js` into the build: `src/service-worker/sw.js` with the build's file list (paths relative to
 * the site's root, so it works at `/` and under any sub-path) and a version hashed from every file's
 * content. A new deployment is a new version, whose install replaces the old cache.
 */
export function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'data-stack-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = listFiles(outDir)
        .map((file) => relative(outDir, file).split(sep).join('/'))
        .filter((path) => !NOT_PRECACHED.some((pattern) => pattern.test(path)))
        .sort();
      const hash = createHash('sha256');
      for (const path of files) hash.update(path).update(readFileSync(join(outDir, path)));
      const version = hash.digest('hex').slice(0, 16);
      const source = readFileSync(new URL('../src/service-worker/sw.js', import.meta.url), 'utf8');
      writeFileSync(
        join(outDir, 'sw.js'),
        `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(files)};\n${source}`,
      );
    },
  };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
