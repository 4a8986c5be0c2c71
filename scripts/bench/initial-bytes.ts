/**
 * P5's walker: the JavaScript a first visit must download before the app can start — the module scripts
 * and modulepreloads index.html names, plus every chunk they import statically (not `import()`), found by
 * reading each chunk's import statements. Pure over a `readFile`, so the unit tests give it a fake dist.
 */
import { posix } from 'node:path';

/**
 * Paths (relative to dist, e.g. `assets/index-abc.js`) of the initial JavaScript, entry first. Throws naming
 * the chunk (and what imports it) when one is missing from dist: skipping it would under-count the budget.
 */
export function initialChunks(options: {
  indexHtml: string;
  readFile: (path: string) => string | undefined;
}): string[] {
  const seen = new Set<string>();
  const queue = entryScripts(options.indexHtml).map((path) => ({ path, from: 'index.html' }));
  while (queue.length > 0) {
    const { path, from } = queue.shift()!;
    if (seen.has(path)) continue;
    const text = options.readFile(path);
    if (text === undefined)
      throw new Error(`${path}, which ${from} loads, is not in dist/: the initial JavaScript cannot be counted`);
    seen.add(path);
    for (const specifier of staticImports(text))
      queue.push({ path: posix.normalize(posix.join(posix.dirname(path), specifier)), from: path });
  }
  return [...seen];
}

/** The local `<script type="module" src>` and `<link rel="modulepreload" href>` of an HTML page. */
export function entryScripts(html: string): string[] {
  const paths: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModule = /^<script/i.test(tag) && /type=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /rel=["']?modulepreload/i.test(tag);
    const url = /(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isModule || isPreload) && url && !/^[a-z]+:/i.test(url)) paths.push(posix.normalize(url.replace(/^\//, '')));
  }
  return paths;
}

/**
 * Relative specifiers of a minified chunk's static imports and re-exports: `import … from "./x.js"`,
 * `import "./x.js"`, `export … from "./x.js"`. A dynamic `import("./x.js")` is not followed.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}
