/**
 * The JavaScript a first visit loads before the page can run (target P5: at most 250 KB gzip): the module
 * scripts and modulepreload links of `index.html`, and every chunk they import statically, each gzipped at
 * level 9. Chunks behind a dynamic `import()` are left out: they load when their page is first opened.
 * `tsx scripts/initial-bytes.ts [dist]` prints the figure and exits 1 when it is over the budget.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The budget for the first visit's JavaScript, gzip bytes (P5). */
export const INITIAL_JS_BUDGET = 250_000;

/** One script of the initial load. */
export interface InitialScript {
  /** Its path inside the build folder. */
  path: string;
  /** Its size as built. */
  bytes: number;
  /** Its size gzipped at level 9. */
  gzipBytes: number;
}

/** Every script a first visit loads (see the module's comment), in the order they were found. */
export function initialScripts(options: {
  /** The build folder (`dist`). */
  dist: string;
  /** Reads a file of the build; tests give a fake one. */
  readFile?: (path: string) => Buffer;
}): InitialScript[] {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path));
  const html = readFile(join(options.dist, 'index.html')).toString('utf8');
  const queue = entryScripts(html).map((src) => normalize(src));
  const seen = new Set<string>();
  const scripts: InitialScript[] = [];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFile(join(options.dist, path));
    scripts.push({ path, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const specifier of staticImports(code.toString('utf8'))) queue.push(join(dirname(path), specifier));
  }
  return scripts;
}

/** `<script type="module" src>` and `<link rel="modulepreload" href>` of the page, relative to its folder. */
function entryScripts(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const isScript = tag.startsWith('<script') && /\btype=["']?module/.test(tag);
    const isPreload = tag.startsWith('<link') && /\brel=["']?modulepreload/.test(tag);
    const url = /\b(?:src|href)=["']?([^"' >]+)/.exec(tag)?.[1];
    return (isScript || isPreload) && url && !/^[a-z]+:|^\/\//i.test(url) ? [url.replace(/^\//, '')] : [];
  });
}

/**
 * The relative specifiers of a built chunk's static `import … from "./x.js"`, `import "./x.js"` and
 * `export … from "./x.js"` (minified: no space is needed before the quote). `import("./x.js")` is not one.
 */
function staticImports(code: string): string[] {
  const pattern = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  return [...code.matchAll(pattern)].map((match) => match[1] as string);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const dist = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist';
  const scripts = initialScripts({ dist });
  const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
  for (const script of scripts)
    console.log(`  ${(script.gzipBytes / 1000).toFixed(1).padStart(7)} kB gzip  ${script.path}`);
  const verdict = total <= INITIAL_JS_BUDGET ? 'within' : 'OVER';
  console.log(
    `Initial JavaScript: ${(total / 1000).toFixed(1)} kB gzip (${total} bytes), ${verdict} the ${INITIAL_JS_BUDGET / 1000} kB budget (P5)`,
  );
  if (total > INITIAL_JS_BUDGET && !process.argv.includes('--report-only')) process.exitCode = 1;
}
