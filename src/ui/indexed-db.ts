/**
 * The few IndexedDB steps every store in the app takes (edits, downloads, run history, kept results,
 * snapshot history), written once: open a database of one version with its object stores, and turn a
 * request or a transaction into a promise. Each store keeps a database of its own, so their versions never
 * have to move together.
 */

/** An object store a database is created with. */
export interface ObjectStoreSpec {
  /** Its name. */
  name: string;
  /** The property that keys its records. */
  keyPath: string;
}

/** Open `name` (version 1), creating `stores` the first time; rejects with the reason it could not. */
export function openIndexedDb(options: {
  name: string;
  stores: readonly ObjectStoreSpec[];
  /** The IndexedDB to use (tests pass their own); the page's by default. */
  factory?: IDBFactory | undefined;
}): Promise<IDBDatabase> {
  const { name } = options;
  return new Promise((resolve, reject) => {
    const opening = (options.factory ?? indexedDB).open(name, 1);
    opening.onupgradeneeded = () => {
      for (const store of options.stores) opening.result.createObjectStore(store.name, { keyPath: store.keyPath });
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error(`IndexedDB could not open ${name}`));
    opening.onblocked = () => reject(new Error(`IndexedDB ${name} is held open by another tab of an older version`));
  });
}

/**
 * A database opened once, on first use, and shared by every caller. A failed open is not remembered:
 * storage may be allowed later in the visit (a setting changed, space freed).
 */
export function lazyIndexedDb(options: {
  name: string;
  stores: readonly ObjectStoreSpec[];
}): () => Promise<IDBDatabase> {
  let database: Promise<IDBDatabase> | undefined;
  return () => {
    database ??= openIndexedDb(options);
    database.catch(() => (database = undefined));
    return database;
  };
}

/** A request's result, or its error. */
export function idbRequest<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when a transaction has committed; rejects when it failed or was aborted. */
export function idbDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}
