/**
 * The projects the app can open, and how the address names one: `?project=<id>` in the page's query (not
 * the hash, so every `#/…` link inside the app keeps the project without knowing of it). No parameter
 * means the NSW schools project, as before there was a choice, so old links and bookmarks open what they
 * did.
 */

/** A project the app bundles. */
export interface AppProject {
  /** Its id in the address (`?project=edtech`) and in its browser storage's name. */
  id: string;
  /** Its name in the project picker. */
  title: string;
}

/** The project opened when the address names none. */
export const DEFAULT_PROJECT_ID = 'nsw';

/** Every bundled project, the default first. */
export const PROJECTS: readonly AppProject[] = [
  { id: DEFAULT_PROJECT_ID, title: 'NSW public schools' },
  { id: 'edtech', title: 'EdTech (sample online school)' },
];

/** The project an address's query names; `unknown` holds a name that is not a project (the default opens). */
export function projectFromSearch(search: string): { project: AppProject; unknown?: string | undefined } {
  const wanted = new URLSearchParams(search).get('project');
  const project = PROJECTS.find((candidate) => candidate.id === wanted);
  if (project) return { project };
  return { project: PROJECTS[0] as AppProject, unknown: wanted ?? undefined };
}

/**
 * The address that opens `id`: the same page and other query parameters (`data`, `proxy`, …), `project`
 * set (dropped for the default project), and the app page `view` (`#/workbench`; the landing report when
 * none, since a report of one project is not a page of another).
 */
export function projectHref(options: {
  id: string;
  pathname: string;
  search: string;
  view?: string | undefined;
}): string {
  const query = new URLSearchParams(options.search);
  if (options.id === DEFAULT_PROJECT_ID) query.delete('project');
  else query.set('project', options.id);
  const search = query.toString();
  return `${options.pathname}${search ? `?${search}` : ''}#/${options.view ?? ''}`;
}

/** The query that names a project in a link (`?project=edtech`; empty for the default project). */
export function projectQuery(id: string): string {
  return id === DEFAULT_PROJECT_ID ? '' : `?${new URLSearchParams({ project: id }).toString()}`;
}
