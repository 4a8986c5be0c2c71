import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { initialScripts } from '../../scripts/initial-bytes.ts';

/** A tiny build: the page's entry imports a shared chunk and lazily a page; a preload is listed too. */
const files: Record<string, string> = {
  'index.html':
    '<script type="module" crossorigin src="./assets/index-a.js"></script>' +
    '<link rel="modulepreload" crossorigin href="./assets/pre-b.js"><link rel="stylesheet" href="./assets/x.css">',
  'assets/index-a.js':
    'import{t as e}from"./shared-c.js";import"./side-d.js";const p=()=>import("./Page-e.js");export{p}',
  'assets/pre-b.js': 'export*from"./shared-c.js";',
  'assets/shared-c.js': 'export const t=1;',
  'assets/side-d.js': 'console.log("import(\\"./never.js\\")")',
  'assets/Page-e.js': 'import{t}from"./big-f.js";',
  'assets/big-f.js': 'x'.repeat(10_000),
};

const readFile = (path: string) => {
  const text = files[path.replace(/^dist\//, '')];
  if (text === undefined) throw new Error(`no file ${path}`);
  return Buffer.from(text);
};

describe('initialScripts', () => {
  it('counts the entry, its preloads and their static imports, once each, and no dynamic import', () => {
    const scripts = initialScripts({ dist: 'dist', readFile });
    expect(scripts.map((script) => script.path)).toEqual([
      join('assets', 'index-a.js'),
      join('assets', 'pre-b.js'),
      join('assets', 'shared-c.js'),
      join('assets', 'side-d.js'),
    ]);
  });

  it('gives each script its gzip size at level 9', () => {
    const [entry] = initialScripts({ dist: 'dist', readFile });
    const code = Buffer.from(files['assets/index-a.js'] as string);
    expect(entry).toEqual({
      path: join('assets', 'index-a.js'),
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
    });
  });
});
