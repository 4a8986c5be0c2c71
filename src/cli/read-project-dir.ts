import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT_FILE, readProjectSettings } from '../core/project/project-settings.ts';
import type { ProjectFile } from '../core/project/types.ts';
import { UsageError } from './parse-args.ts';

const EXTENSIONS = ['.sql', '.yml', '.yaml', '.md', '.csv'];

/**
 * Read a project folder: dbt_project.yml, then every project file under the folders it names (models,
 * seeds, tests, macros, snapshots, docs). Paths are relative to the project, with forward slashes, as in the browser.
 */
export function readProjectDir(directory: string): ProjectFile[] {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new UsageError(`No project folder at ${directory}.`);
  }
  const projectFile = join(directory, PROJECT_FILE);
  const files: ProjectFile[] = existsSync(projectFile)
    ? [{ path: PROJECT_FILE, content: readFileSync(projectFile, 'utf8') }]
    : [];
  const { settings } = readProjectSettings({ files });
  const folders = new Set([
    ...settings.modelPaths,
    ...settings.seedPaths,
    ...settings.testPaths,
    ...settings.macroPaths,
    ...settings.snapshotPaths,
    'docs',
  ]);
  const seen = new Set<string>();
  for (const folder of folders) {
    for (const path of walk(join(directory, folder))) {
      const relativePath = relative(directory, path).split(sep).join('/');
      if (seen.has(relativePath) || !EXTENSIONS.some((extension) => path.endsWith(extension))) continue;
      seen.add(relativePath);
      files.push({ path: relativePath, content: readFileSync(path, 'utf8') });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

function* walk(directory: string): Generator<string> {
  if (!existsSync(directory)) return;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
