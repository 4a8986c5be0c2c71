import type { ProjectFile } from '../core/project/types.ts';

// The EdTech project's files, inlined at build time like the NSW project's (project-files.ts), but in a chunk
// of their own: only a page opened on ?project=edtech loads them (current-project.ts imports this lazily).
const files = import.meta.glob<string>(
  [
    '/projects/edtech/dbt_project.yml',
    '/projects/edtech/{models,macros,tests}/**/*.{sql,yml,md}',
    '/projects/edtech/seeds/**/*.{csv,yml}',
    '/projects/edtech/reports/**/*.md',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** Every file of projects/edtech (project file, models, macros, tests, seeds, reports), relative to it. */
export function edtechProjectFiles(): ProjectFile[] {
  return Object.entries(files)
    .map(([path, content]) => ({ path: path.replace(/^\/projects\/edtech\//, ''), content }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
