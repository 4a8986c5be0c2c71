import { entriesToEvict, type KeptEntry } from '../../core/results/evict.ts';
import { earlyResults, type EarlyResults } from './early-results.ts';
import { idbDone, idbRequest, lazyIndexedDb } from '../indexed-db.ts';

/**
 * Report results kept in IndexedDB after a build, by project-and-data key and page, so the next visit draws
 * the page at once while its database builds. Bounded (the oldest pages go first); a storage that is full,
 * disabled or broken reads as "nothing kept" and never stops the page.
 */

const DATABASE = 'data-stack-in-a-tab-results';
const PAGES = 'pages';
const META = 'meta';
const open = lazyIndexedDb({
  name: DATABASE,
  stores: [
    { name: PAGES, keyPath: 'id' },
    { name: META, keyPath: 'id' },
  ],
});
/** Kept results in all: a few report pages of a few projects; the Arrow of a page is ~1 KB to ~1 MB. */
const BUDGET_BYTES = 24 * 1024 * 1024;
/** Results kept per page: its starting inputs and a few other choices. */
const PER_PAGE = 48;

interface PageRecord {
  id: string;
  results: [string, Uint8Array][];
}

/** A page's kept results for this key, if this browser has them. */
export async function cachedResults(options: { key: string; page: string }): Promise<EarlyResults | undefined> {
  try {
    const db = await open();
    const record = await idbRequest<PageRecord | undefined>(
      db.transaction(PAGES).objectStore(PAGES).get(idOf(options)),
    );
    if (!record || record.results.length === 0) return undefined;
    return earlyResults({ source: 'cached', ...options, results: new Map(record.results) });
  } catch {
    return undefined;
  }
}

/**
 * Keep a page's results (merged over what was kept for it, newest first), then evict the oldest pages;
 * resolves with whether they were kept.
 */
export async function keepResults(options: {
  key: string;
  page: string;
  results: ReadonlyMap<string, Uint8Array>;
}): Promise<boolean> {
  if (options.results.size === 0) return false;
  try {
    const db = await open();
    const id = idOf(options);
    const old = await idbRequest<PageRecord | undefined>(db.transaction(PAGES).objectStore(PAGES).get(id));
    const merged = new Map([
      ...options.results,
      ...(old?.results ?? []).filter(([query]) => !options.results.has(query)),
    ]);
    const results = [...merged].slice(0, PER_PAGE);
    const size = results.reduce((sum, [query, bytes]) => sum + query.length + bytes.byteLength, 0);
    const write = db.transaction([PAGES, META], 'readwrite');
    write.objectStore(PAGES).put({ id, results } satisfies PageRecord);
    write.objectStore(META).put({ id, savedAt: Date.now(), size } satisfies KeptEntry);
    await idbDone(write);
    const entries = await idbRequest<KeptEntry[]>(db.transaction(META).objectStore(META).getAll());
    const evicted = entriesToEvict({ entries, budget: BUDGET_BYTES });
    if (evicted.length === 0) return true;
    const evict = db.transaction([PAGES, META], 'readwrite');
    for (const gone of evicted) {
      evict.objectStore(PAGES).delete(gone);
      evict.objectStore(META).delete(gone);
    }
    await idbDone(evict);
    return !evicted.includes(id);
  } catch {
    // Quota exceeded, private browsing, or a blocked upgrade: the next visit waits for its build instead.
    return false;
  }
}

const idOf = (options: { key: string; page: string }) => `${options.key}|${options.page}`;
