/**
 * The production build as a static host serves it, for the end-to-end tests: `dist/` under a sub-path
 * (`/data-stack-in-a-tab/`, as GitHub Pages serves a project site), with the response headers
 * `public/_headers` gives Netlify and Cloudflare Pages (its paths are the site's, below the sub-path).
 * Anything outside the sub-path is a 404, so a URL that assumes the site is at the root fails.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { headersFor, parseHeadersFile } from '../../src/core/text/headers-file.ts';

export const SUB_PATH = '/data-stack-in-a-tab/';

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

const root = resolve(process.env.SITE_ROOT ?? 'dist');
const port = Number(process.env.PORT ?? 4182);
const rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(SUB_PATH)) {
    response.writeHead(404).end('outside the site\n');
    return;
  }
  const sitePath = `/${decodeURIComponent(url.pathname.slice(SUB_PATH.length))}`;
  const file = normalize(join(root, sitePath === '/' ? 'index.html' : sitePath));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end('not found\n');
    return;
  }
  for (const [name, value] of headersFor(rules, sitePath === '/' ? '/index.html' : sitePath))
    response.setHeader(name, value);
  response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  // As Netlify and Cloudflare do: the build's precompressed copy, when the request accepts it.
  const encoding = precompressedFor(file, String(request.headers['accept-encoding'] ?? ''));
  response.setHeader('Vary', 'Accept-Encoding');
  if (encoding) response.setHeader('Content-Encoding', encoding.name);
  response.writeHead(200);
  createReadStream(encoding ? encoding.file : file).pipe(response);
}).listen(port, '127.0.0.1');

/** The `.br` (preferred) or `.gz` beside a file that the request's Accept-Encoding allows, if the build has one. */
function precompressedFor(file: string, accepted: string): { name: string; file: string } | undefined {
  const allows = (name: string) => new RegExp(`(^|[,\\s])${name}(?![\\w-])(?!;q=0(\\.0*)?(,|$))`).test(accepted);
  for (const [name, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (allows(name) && existsSync(file + suffix)) return { name, file: file + suffix };
  }
  return undefined;
}
