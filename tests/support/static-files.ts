/**
 * Serving a built file as a static host does, shared by the e2e hosting server (serve-site.ts) and the
 * bench's server (scripts/bench/site-server.ts): its content type, and the build's precompressed `.br` or
 * `.gz` copy when the request accepts it (as Netlify and Cloudflare Pages do), so both measure and test
 * what a real host sends.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file `path` names inside `root`, when it is a file there (never one outside `root`). */
export function fileIn(root: string, path: string): string | undefined {
  const file = normalize(join(root, path));
  if (!file.startsWith(normalize(root))) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Send `file` with its content type and any `headers` given, as its precompressed copy when the request
 * accepts one the build wrote beside it.
 */
export function sendStaticFile(options: {
  file: string;
  request: IncomingMessage;
  response: ServerResponse;
  headers?: Iterable<readonly [string, string]> | undefined;
}): void {
  const { file, request, response } = options;
  for (const [name, value] of options.headers ?? []) response.setHeader(name, value);
  response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  const encoding = precompressedFor(file, String(request.headers['accept-encoding'] ?? ''));
  response.setHeader('Vary', 'Accept-Encoding');
  if (encoding) response.setHeader('Content-Encoding', encoding.name);
  response.writeHead(200);
  createReadStream(encoding ? encoding.file : file).pipe(response);
}

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
