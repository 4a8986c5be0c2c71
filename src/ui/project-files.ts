import bundledProjectUrl from 'virtual:bundled-project-url';
import type { ProjectFile } from '../core/project/types.ts';

/** The project bundled with the app, as the build wrote it (scripts/bundled-project-plugin.ts). */
export interface BundledProject {
  /** The dbt-style project's files (project file, models, YAML, docs, seeds, data tests), sorted by path. */
  project: ProjectFile[];
  /** The bundled reports, sorted by path. */
  reports: ProjectFile[];
}

let bundled: Promise<BundledProject> | undefined;

/**
 * The bundled project's files, fetched once (the build ships them as a JSON data file rather than inside the
 * first script, P5) and shared by every caller. Rejects with a message naming the file when it cannot be read.
 */
export function bundledProject(): Promise<BundledProject> {
  bundled ??= fetchBundledProject();
  return bundled;
}

async function fetchBundledProject(): Promise<BundledProject> {
  const response = await fetch(bundledProjectUrl).catch((error: unknown) => {
    throw new Error(`The bundled project (${bundledProjectUrl}) could not be fetched: ${String(error)}`);
  });
  if (!response.ok)
    throw new Error(`The bundled project (${bundledProjectUrl}) could not be fetched: HTTP ${response.status}`);
  const files = (await response.json()) as BundledProject;
  if (!Array.isArray(files.project) || !Array.isArray(files.reports))
    throw new Error(`The bundled project (${bundledProjectUrl}) is not a list of project files and reports`);
  return files;
}
