import type { ProjectFile } from '../core/project/types.ts';
import { bundledProjectFiles, bundledReportFiles } from './project-files.ts';
import { projectFromSearch, type AppProject } from './projects.ts';

const chosen = projectFromSearch(location.search);

/** The project this page opened (`?project=`), for the whole life of the page: switching loads a new page. */
export const currentProject: AppProject = chosen.project;

/** A `?project=` name that is no project, when the address held one (the default project opened instead). */
export const unknownProjectName: string | undefined = chosen.unknown;

/**
 * The opened project's bundled files: the project and its reports (`reports/…`). The NSW project's are in the
 * main bundle; another project's come from a chunk of their own, awaited here before anything reads them.
 */
export const currentBundle: readonly ProjectFile[] =
  currentProject.id === 'edtech'
    ? (await import('./project-files-edtech.ts')).edtechProjectFiles()
    : [...bundledProjectFiles(), ...bundledReportFiles()];
