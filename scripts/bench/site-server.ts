/**
 * One static server on 127.0.0.1 for every page `npm run bench` opens: the app's dist/ at `/`, the bench
 * pages at `/__bench/` (falling back to dist/, so the reference page loads the app's own .wasm files).
 * Files are sent as a static host sends them (the build's precompressed copy when accepted), to the app
 * and the reference page alike; `Cache-Control` lets the warm revisit use the HTTP cache.
 */
import { createServer, type Server } from 'node:http';
import { fileIn, sendStaticFile } from '../../tests/support/static-files.ts';

/** Where the bench pages are served. */
export const BENCH_PREFIX = '/__bench/';

/** Start the server; resolves once it listens. */
export async function startSiteServer(options: { distDir: string; benchDir: string; port: number }): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const candidates = path.startsWith(BENCH_PREFIX)
      ? [
          fileIn(options.benchDir, path.slice(BENCH_PREFIX.length)),
          fileIn(options.distDir, path.slice(BENCH_PREFIX.length)),
        ]
      : [fileIn(options.distDir, path === '/' ? 'index.html' : path)];
    const file = candidates.find((candidate) => candidate !== undefined);
    if (!file) {
      response.writeHead(404).end('not found\n');
      return;
    }
    const cache = /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    sendStaticFile({ file, request, response, headers: [['Cache-Control', cache]] });
  });
  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  return server;
}
