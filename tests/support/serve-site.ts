/**
 * The production build as a static host serves it, for the end-to-end tests: `dist/` under a sub-path
 * (`/data-stack-in-a-tab/`, as GitHub Pages serves a project site), with the response headers
 * `public/_headers` gives Netlify and Cloudflare Pages (its paths are the site's, below the sub-path).
 * Anything outside the sub-path is a 404, so a URL that assumes the site is at the root fails.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { headersFor, parseHeadersFile } from '../../src/core/text/headers-file.ts';
import { fileIn, sendStaticFile } from './static-files.ts';

export const SUB_PATH = '/data-stack-in-a-tab/';

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
  const file = fileIn(root, sitePath === '/' ? 'index.html' : sitePath);
  if (!file) {
    response.writeHead(404).end('not found\n');
    return;
  }
  const headers = headersFor(rules, sitePath === '/' ? '/index.html' : sitePath);
  sendStaticFile({ file, request, response, headers });
}).listen(port, '127.0.0.1');
