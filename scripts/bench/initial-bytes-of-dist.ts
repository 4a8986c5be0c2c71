/** P5 over a real dist/: the initial JavaScript's raw, gzip and brotli sizes, and whether assets ship precompressed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { initialChunks } from './initial-bytes.ts';

/** What a first visit downloads before the app starts, and what dist/ precompresses. */
export interface InitialBytes {
  /** The initial chunks, relative to dist/. */
  chunks: string[];
  /** Their bytes, uncompressed. */
  raw: number;
  /** Their gzip sizes (level 9), summed. */
  gzip: number;
  /** Their brotli sizes (quality 11), summed. */
  brotli: number;
  /** .gz and .br files in dist/. */
  precompressed: number;
}

/** Measure dist/. */
export function measureInitialBytes(distDir: string): InitialBytes {
  const readFile = (path: string) => {
    const file = join(distDir, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const chunks = initialChunks({ indexHtml: readFileSync(join(distDir, 'index.html'), 'utf8'), readFile });
  let [raw, gzip, brotli] = [0, 0, 0];
  for (const chunk of chunks) {
    const bytes = readFileSync(join(distDir, chunk));
    raw += bytes.byteLength;
    gzip += gzipSync(bytes, { level: 9 }).byteLength;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;
  }
  const precompressed = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.(gz|br)$/.test(name),
  ).length;
  return { chunks, raw, gzip, brotli, precompressed };
}
