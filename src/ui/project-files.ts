import type { ProjectFile } from '../core/project/types.ts';

// Vite inlines the project's own files at build time, so the bundled project needs no request.
const modelFiles = import.meta.glob<string>(
  [
    '/dbt_project.yml',
    '/models/**/*.{sql,yml,md}',
    '/seeds/**/*.csv',
    '/snapshots/**/*.{sql,yml}',
    '/tests/dbt/**/*.sql',
  ],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);
const reportFiles = import.meta.glob<string>('/reports/**/*.md', { query: '?raw', import: 'default', eager: true });

/** The bundled dbt-style project's files (project file, models, YAML, docs, seeds, data tests), relative to the project root. */
export function bundledProjectFiles(): ProjectFile[] {
  return toFiles(modelFiles);
}

/** The bundled reports, sorted by path. */
export function bundledReportFiles(): ProjectFile[] {
  return toFiles(reportFiles);
}

function toFiles(files: Record<string, string>): ProjectFile[] {
  return Object.entries(files)
    .map(([path, content]) => ({ path: path.replace(/^\//, ''), content }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
