import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectFile } from '../core/project/types.ts';
import { hashBytes } from '../core/text/hash.ts';
import { sampleDataKey } from '../core/results/results-key.ts';

/**
 * The files the app bundles as its project (scripts/bundled-project-plugin.ts writes exactly these into the
 * build's project data file, and precomputed results are keyed by them): dbt_project.yml, models' SQL, YAML
 * and markdown, seeds, snapshots, data tests, then the reports. One list, so a precomputed key matches the
 * page's only because both sides hash the same files.
 */
const PATTERNS: readonly { folder: string; extensions: readonly string[] }[] = [
  { folder: 'models', extensions: ['.sql', '.yml', '.md'] },
  { folder: 'seeds', extensions: ['.csv'] },
  { folder: 'snapshots', extensions: ['.sql', '.yml'] },
  { folder: 'tests/dbt', extensions: ['.sql'] },
  { folder: 'reports', extensions: ['.md'] },
];

/** The bundled project's and reports' files under `root`, with forward-slash paths, sorted by path. */
export function bundledFiles(root: string): ProjectFile[] {
  const files: ProjectFile[] = [];
  if (existsSync(join(root, 'dbt_project.yml'))) {
    files.push({ path: 'dbt_project.yml', content: readFileSync(join(root, 'dbt_project.yml'), 'utf8') });
  }
  for (const { folder, extensions } of PATTERNS) {
    if (!existsSync(join(root, folder))) continue;
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !extensions.some((extension) => entry.name.endsWith(extension))) continue;
      const path = join(entry.parentPath, entry.name);
      files.push({
        path: path.slice(root.length).replace(/\\/g, '/').replace(/^\//, ''),
        content: readFileSync(path, 'utf8'),
      });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The identity of the sample files in `folder` (public/data/sample): every file's name and bytes. */
export function sampleFolderKey(folder: string): string {
  const files = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, hash: hashBytes(new Uint8Array(readFileSync(join(folder, entry.name)))) }));
  return sampleDataKey(files);
}
