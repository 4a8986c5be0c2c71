import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The module the app imports for the bundled project's address (see src/ui/project-files.ts). */
const MODULE = 'virtual:bundled-project-url';
const RESOLVED = `\0${MODULE}`;
/** Where `vite dev` serves the bundled project (same origin: the page's Content-Security-Policy allows no data: fetch). */
const DEV_PATH = '/@data-stack/bundled-project.json';

/** What belongs to the bundled project: its folders and the file names kept from each. */
const PARTS: readonly { folder: string; keep: RegExp }[] = [
  { folder: 'models', keep: /\.(sql|yml|md)$/ },
  { folder: 'seeds', keep: /\.csv$/ },
  { folder: 'snapshots', keep: /\.(sql|yml)$/ },
  { folder: 'tests/dbt', keep: /\.sql$/ },
];

/**
 * The project's own files (dbt_project.yml, models, seeds, snapshots, data tests) and reports as one JSON data file
 * the page fetches, instead of string literals in the first script: ~48 KB gzip that the browser then
 * neither parses nor compiles as JavaScript (P5's initial-JavaScript budget). The build writes it as
 * `assets/project-<hash>.json` (named by content, so caches never serve an old project); `vite dev`
 * serves it at its own path, read fresh on every request.
 */
export function bundledProject(options: { root: string }): Plugin {
  let building = false;
  return {
    name: 'data-stack-bundled-project',
    configResolved(config) {
      building = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(readBundledProject(options.root)));
      });
    },
    resolveId(source) {
      return source === MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!building) return `export default ${JSON.stringify(DEV_PATH)};`;
      const json = JSON.stringify(readBundledProject(options.root));
      const fileName = `assets/project-${createHash('sha256').update(json).digest('hex').slice(0, 12)}.json`;
      this.emitFile({ type: 'asset', fileName, source: json });
      return `export default import.meta.env.BASE_URL + ${JSON.stringify(fileName)};`;
    },
  };
}

/** The bundled files, paths relative to the project root, sorted: `project` (the dbt project) and `reports`. */
export function readBundledProject(root: string): { project: BundledFile[]; reports: BundledFile[] } {
  const read = (path: string) => ({
    path: relative(root, path).split(sep).join('/'),
    content: readFileSync(path, 'utf8'),
  });
  const project = [
    read(join(root, 'dbt_project.yml')),
    ...PARTS.flatMap(({ folder, keep }) =>
      listFiles(join(root, folder))
        .filter((path) => keep.test(path))
        .map(read),
    ),
  ];
  const reports = listFiles(join(root, 'reports'))
    .filter((path) => path.endsWith('.md'))
    .map(read);
  const byPath = (a: BundledFile, b: BundledFile) => a.path.localeCompare(b.path);
  return { project: project.sort(byPath), reports: reports.sort(byPath) };
}

/** A file of the bundled project. */
interface BundledFile {
  /** Relative to the project root, with forward slashes. */
  path: string;
  /** Its text. */
  content: string;
}

function listFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return []; // An optional folder (seeds/) that this project does not have.
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
