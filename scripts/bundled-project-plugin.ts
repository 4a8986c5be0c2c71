import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { bundledFiles } from '../src/cli/bundled-files.ts';
import type { ProjectFile } from '../src/core/project/types.ts';

/** The module the app imports for the bundled project's address (see src/ui/project-files.ts). */
const MODULE = 'virtual:bundled-project-url';
const RESOLVED = `\0${MODULE}`;
/** Where `vite dev` serves the bundled project (same origin: the page's Content-Security-Policy allows no data: fetch). */
const DEV_PATH = '/@data-stack/bundled-project.json';

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
export function readBundledProject(root: string): { project: ProjectFile[]; reports: ProjectFile[] } {
  const files = bundledFiles(root);
  const isReport = (file: ProjectFile) => file.path.startsWith('reports/');
  return { project: files.filter((file) => !isReport(file)), reports: files.filter(isReport) };
}
