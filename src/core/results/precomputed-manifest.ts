/**
 * What `npm run build` precomputed: the landing page's and every report page's query results on the bundled
 * sample, as Arrow IPC, with the key of the project and data they were computed from. The page reads it to
 * draw the first report before its own database is ready, and only when its own key is the same.
 */

/** Where one query's Arrow IPC bytes lie in its page's file. */
export interface PrecomputedSlice {
  /** Byte offset in the page's file. */
  offset: number;
  /** Byte length. */
  length: number;
}

/** One report page's precomputed results. */
export interface PrecomputedPage {
  /** The page's results file, relative to the manifest's folder. */
  file: string;
  /** Each result's place in the file, by `queryKey` (the bound SQL and its parameter values). */
  queries: Record<string, PrecomputedSlice>;
}

/** The manifest the build writes beside the results files. */
export interface PrecomputedManifest {
  /** The format's version: a page that reads another one ignores the manifest. */
  version: 1;
  /** `projectDataKey` of the project and reports on the bundled sample the results came from. */
  key: string;
  /** The data the results came from (`sampleDataKey`). */
  data: string;
  /** Each report page's results, by path (`reports/index.md`). */
  pages: Record<string, PrecomputedPage>;
}

/** The manifest in `text`, or undefined when it is missing, of another version, or not a manifest. */
export function readPrecomputedManifest(text: string | undefined): PrecomputedManifest | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PrecomputedManifest> | null;
    if (!value || value.version !== 1 || typeof value.key !== 'string' || typeof value.data !== 'string') {
      return undefined;
    }
    if (!value.pages || typeof value.pages !== 'object') return undefined;
    return value as PrecomputedManifest;
  } catch {
    return undefined;
  }
}
