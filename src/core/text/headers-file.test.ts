import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from './headers-file.ts';

const headersFile = readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8');
const indexHtml = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');

describe('public/_headers', () => {
  const rules = parseHeadersFile(headersFile);

  it("carries index.html's Content-Security-Policy, plus frame-ancestors, on every path", () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)?.[1];
    expect(meta).toBeDefined();
    for (const path of ['/', '/index.html', '/assets/main-abc.js', '/data/sample/x.csv'])
      expect(Object.fromEntries(headersFor(rules, path))['Content-Security-Policy']).toBe(
        `${meta}; frame-ancestors 'none'`,
      );
  });

  it('caches hashed assets for a year and checks the page, the service worker and the sample every time', () => {
    const cache = (path: string) => Object.fromEntries(headersFor(rules, path))['Cache-Control'];
    expect(cache('/assets/duckdb-eh-9ubY.wasm')).toBe('public, max-age=31536000, immutable');
    expect(cache('/index.html')).toBe('no-cache');
    expect(cache('/sw.js')).toBe('no-cache');
    expect(cache('/data/sample/manifest.json')).toBe('no-cache');
    expect(cache('/')).toBeUndefined();
  });

  it('refuses a malformed file, naming the line', () => {
    expect(() => parseHeadersFile('/*\nnot indented: x\n')).toThrow('_headers line 2');
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow('_headers line 1');
  });
});
