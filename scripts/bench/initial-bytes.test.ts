import { describe, expect, it } from 'vitest';
import { entryScripts, initialChunks, staticImports } from './initial-bytes.ts';

describe('initialChunks', () => {
  const files: Record<string, string> = {
    'assets/index-a.js': 'import{a as b}from"./shared-c.js";import"./side-d.js";const m=()=>import("./lazy-e.js");',
    'assets/shared-c.js': 'export{x}from"./deep-f.js";',
    'assets/side-d.js': 'console.log(1)',
    'assets/deep-f.js': 'export const x=1',
    'assets/lazy-e.js': 'import"./never-g.js"',
    'assets/preload-h.js': '',
  };
  const html =
    '<script type="module" crossorigin src="./assets/index-a.js"></script>' +
    '<link rel="modulepreload" crossorigin href="./assets/preload-h.js"><link rel="stylesheet" href="./assets/x.css">';

  it('follows static imports and re-exports from the entry and modulepreloads, not dynamic imports', () => {
    expect(initialChunks({ indexHtml: html, readFile: (path) => files[path] })).toEqual([
      'assets/index-a.js',
      'assets/preload-h.js',
      'assets/shared-c.js',
      'assets/side-d.js',
      'assets/deep-f.js',
    ]);
  });

  it('visits each chunk once', () => {
    const cyclic = { 'a.js': 'import"./b.js"', 'b.js': 'import"./a.js"' } as Record<string, string>;
    expect(
      initialChunks({ indexHtml: '<script type="module" src="/a.js"></script>', readFile: (p) => cyclic[p] }),
    ).toEqual(['a.js', 'b.js']);
  });

  it('fails naming a chunk missing from dist and what imports it, instead of skipping it', () => {
    const broken = { 'a.js': 'import"./b.js"', 'b.js': 'import"./gone.js"' } as Record<string, string>;
    expect(() =>
      initialChunks({ indexHtml: '<script type="module" src="/a.js"></script>', readFile: (p) => broken[p] }),
    ).toThrow('gone.js, which b.js loads, is not in dist/');
    expect(() =>
      initialChunks({ indexHtml: '<script type="module" src="/missing.js"></script>', readFile: (p) => broken[p] }),
    ).toThrow('missing.js, which index.html loads, is not in dist/');
  });
});

describe('entryScripts', () => {
  it('ignores classic scripts, stylesheets and other hosts', () => {
    expect(
      entryScripts('<script src="./old.js"></script><script type="module" src="https://cdn.example/x.js"></script>'),
    ).toEqual([]);
  });
});

describe('staticImports', () => {
  it('reads minified forms', () => {
    expect(
      staticImports('import*as t from"./a.js";import{b}from\'./b.js\';export*from"../c.js";x.import("./d.js")'),
    ).toEqual(['./a.js', './b.js', '../c.js']);
  });
});
