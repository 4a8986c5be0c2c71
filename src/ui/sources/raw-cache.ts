/**
 * Downloaded files kept in IndexedDB, so reloading the page does not download again. One record per URL:
 * the bytes, when they were fetched, and where from.
 */

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

let database: Promise<IDBDatabase> | undefined;

/** The cached download of a URL, if any. Storage failures read as "not cached". */
export async function readCached(url: string): Promise<CachedFile | undefined> {
  try {
    const db = await open();
    return await request<CachedFile | undefined>(db.transaction(STORE).objectStore(STORE).get(url));
  } catch {
    return undefined;
  }
}

/** Keep a download. A full or disabled storage is not an error: the data is loaded anyway. */
export async function writeCached(file: CachedFile): Promise<void> {
  try {
    const db = await open();
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(file));
  } catch {
    // Quota exceeded or private browsing: the next reload downloads again.
  }
}

/** Forget a download (refresh). */
export async function deleteCached(url: string): Promise<void> {
  try {
    const db = await open();
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).delete(url));
  } catch {
    // Nothing cached, or no storage.
  }
}

function open(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'url' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB could not be opened'));
  });
  return database;
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
