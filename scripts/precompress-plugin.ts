import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The files worth compressing: text and WebAssembly (the fonts, images and spreadsheets already are). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|wasm|svg)$/;

/**
 * Writes `name.br` (brotli, quality 11; 9 past 2 MB) and `name.gz` (gzip, level 9) beside each compressible file of the
 * build, for a host that serves a precompressed file when the request accepts it (and for
 * tests/support/serve-site.ts). Runs after the service worker plugin, whose `sw.js` it compresses too.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'data-stack-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      handler() {
        for (const file of listFiles(outDir).filter((path) => COMPRESSIBLE.test(path))) {
          const content = readFileSync(file);
          writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: brotliQuality(content.length),
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
          );
        }
      },
    },
  };
}

/**
 * Brotli's best (11) for the app's own files; 9 for the DuckDB WebAssembly (34-39 MB), where 11 took minutes
 * of the build on this machine; 9 takes about 3 s a file (34 MB to 5.9 MB; 6.2 MB at quality 5).
 */
function brotliQuality(bytes: number): number {
  return bytes > 2_000_000 ? 9 : 11;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
