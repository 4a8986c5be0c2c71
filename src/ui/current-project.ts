import type { ProjectFile } from '../core/project/types.ts';
import { bundledProject } from './project-files.ts';
import { projectFromSearch, type AppProject } from './projects.ts';

const chosen = projectFromSearch(location.search);

/** The project this page opened (`?project=`), for the whole life of the page: switching loads a new page. */
export const currentProject: AppProject = chosen.project;

/** A `?project=` name that is no project, when the address held one (the default project opened instead). */
export const unknownProjectName: string | undefined = chosen.unknown;

/**
 * The opened project's bundled files: the project and its reports (`reports/…`). The NSW project's come from
 * the build's project data file (fetched once, see project-files.ts); another project's from a chunk of their
 * own, loaded only by a page opened on it.
 */
export const currentBundle: Promise<readonly ProjectFile[]> =
  currentProject.id === 'edtech'
    ? import('./project-files-edtech.ts').then((module) => module.edtechProjectFiles())
    : bundledProject().then(({ project, reports }) => [...project, ...reports]);
