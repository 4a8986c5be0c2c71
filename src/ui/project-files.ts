import type { ProjectFile } from '../core/project/types.ts';

// Vite inlines the project's own files at build time, so the bundled project needs no request.
const modelFiles = import.meta.glob<string>(['/models/**/*.sql', '/models/**/*.yml'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const reportFiles = import.meta.glob<string>('/reports/**/*.md', { query: '?raw', import: 'default', eager: true });

/** The bundled project's model and YAML files, with paths relative to the project root. */
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
