/**
 * One static server on 127.0.0.1 for every page `npm run bench` opens: the app's dist/ at `/`, the bench
 * pages at `/__bench/` (falling back to dist/, so the reference page loads the app's own .wasm files).
 * Plain files, no compression (as `vite preview` serves them); `Cache-Control` lets the warm revisit use
 * the HTTP cache.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

/** Where the bench pages are served. */
export const BENCH_PREFIX = '/__bench/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.ttf': 'font/ttf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

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
    const file = candidates.find((candidate) => candidate && existsSync(candidate) && statSync(candidate).isFile());
    if (!file) {
      response.writeHead(404).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  return server;
}

function fileIn(root: string, path: string): string | undefined {
  const file = normalize(join(root, path));
  return file.startsWith(normalize(root)) ? file : undefined;
}
