/** Where the address's hash points: a report (by slug) or one of the app's pages, and its query. */
export type HashRoute =
  | { view: 'report'; slug: string | undefined; query: URLSearchParams }
  | { view: 'workbench' | 'lineage' | 'sources' | 'settings' | 'runs'; query: URLSearchParams };

/**
 * Read `#/<path>?<query>`. Any text is a route: a path that is not valid percent-encoding (`#/%E0%A4%A`,
 * as a hand-edited or hostile link may hold) is read as written instead of throwing, so the page opens.
 */
export function parseHashRoute(hash: string): HashRoute {
  const [rawPath = '', rawQuery = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const path = decodePath(rawPath);
  const query = new URLSearchParams(rawQuery);
  if (path === 'workbench' || path === 'lineage' || path === 'sources' || path === 'settings' || path === 'runs') {
    return { view: path, query };
  }
  return { view: 'report', slug: path.startsWith('reports/') ? path.slice('reports/'.length) : undefined, query };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
