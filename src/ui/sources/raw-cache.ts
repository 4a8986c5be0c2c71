/**
 * Downloaded files kept in IndexedDB, so reloading the page does not download again. One record per URL:
 * the bytes, when they were fetched, and where from.
 */
import { idbRequest, lazyIndexedDb } from '../indexed-db.ts';

/** A cached download. */
export interface CachedFile {
  /** The file's URL (the key). */
  url: string;
  /** Its bytes. */
  bytes: Uint8Array;
  /** When it was fetched, ISO 8601. */
  fetchedAt: string;
  /** Notes from the download (moved URL, proxy used). */
  notes: string[];
}

const DATABASE = 'data-stack-in-a-tab';
const STORE = 'raw-files';
const open = lazyIndexedDb({ name: DATABASE, stores: [{ name: STORE, keyPath: 'url' }] });

/** The cached download of a URL, if any. Storage failures read as "not cached". */
export async function readCached(url: string): Promise<CachedFile | undefined> {
  try {
    const db = await open();
    return await idbRequest<CachedFile | undefined>(db.transaction(STORE).objectStore(STORE).get(url));
  } catch {
    return undefined;
  }
}

/** Keep a download. A full or disabled storage is not an error: the data is loaded anyway. */
export async function writeCached(file: CachedFile): Promise<void> {
  try {
    const db = await open();
    await idbRequest(db.transaction(STORE, 'readwrite').objectStore(STORE).put(file));
  } catch {
    // Quota exceeded or private browsing: the next reload downloads again.
  }
}

/** Forget a download (refresh). */
export async function deleteCached(url: string): Promise<void> {
  try {
    const db = await open();
    await idbRequest(db.transaction(STORE, 'readwrite').objectStore(STORE).delete(url));
  } catch {
    // Nothing cached, or no storage.
  }
}
