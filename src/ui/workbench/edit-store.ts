/**
 * Where the user's edits live between visits: one IndexedDB record per file. A record holds what was
 * saved into the build (`saved`: the file's text, or `null` when the file was deleted) and what is typed
 * but not saved yet (`buffer`). Records are written as they change, so a reload, a crashed worker or a
 * closed tab keeps everything that was typed more than a moment ago.
 */

/** One file's edits. */
export interface StoredEdit {
  /** File path relative to the project root, or a workbench document such as `@scratch`. */
  path: string;
  /** The saved text; `null` when the file was deleted; absent when only the buffer differs. */
  saved?: string | null | undefined;
  /** Text typed and not saved yet. */
  buffer?: string | undefined;
}

/** The edits kept in the browser. */
export interface EditStore {
  /** Every stored edit. */
  load(): Promise<StoredEdit[]>;
  /** Write these records and remove those paths, in one transaction: all of it lands, or none. */
  write(changes: { put: readonly StoredEdit[]; remove: readonly string[] }): Promise<void>;
}

// A database of its own: the raw-file cache (sources/raw-cache.ts) owns 'data-stack-in-a-tab'.
const DATABASE = 'data-stack-in-a-tab-edits';
const STORE = 'edits';

/** The edits in this browser's IndexedDB (a separate database per `name`, for tests). */
export function indexedDbEditStore(options: { factory?: IDBFactory; name?: string } = {}): EditStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    opened ??= openDatabase(options.factory ?? indexedDB, options.name ?? DATABASE);
    // A failed open (private mode, blocked storage) is tried again next time rather than cached.
    opened.catch(() => (opened = undefined));
    return opened;
  };
  return {
    async load() {
      const db = await database();
      return request<StoredEdit[]>(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
    },
    async write(changes) {
      const db = await database();
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      for (const edit of changes.put) store.put(plain(edit));
      for (const path of changes.remove) store.delete(path);
      await done(transaction);
    },
  };
}

/** Why the edits could not be kept, in plain words, with what still holds. */
export function storageFailureMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  const rest =
    'Your edits are still in this tab and nothing saved earlier was lost; export the project (Settings) to keep a copy.';
  if (name === 'QuotaExceededError')
    return `Your latest edits could not be saved in this browser: its storage for this site is full. ${rest}`;
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError' || name === 'NotFoundError')
    return `This browser does not let the page keep data (a private window, or site data turned off), so edits will not survive a reload. ${rest} (${name}: ${detail})`;
  return `Your latest edits could not be saved in this browser (${detail}). ${rest}`;
}

function plain(edit: StoredEdit): StoredEdit {
  const record: StoredEdit = { path: edit.path };
  if (edit.saved !== undefined) record.saved = edit.saved;
  if (edit.buffer !== undefined) record.buffer = edit.buffer;
  return record;
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(name, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'path' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error(`IndexedDB could not open ${name}`));
    opening.onblocked = () => reject(new Error(`IndexedDB ${name} is held open by another tab of an older version`));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * Writes changed paths to a store a moment after they change, one write at a time. A write that fails
 * keeps its paths pending, so the next change (or `flush`) writes them again: nothing is dropped.
 */
export class WriteQueue {
  readonly #pending = new Set<string>();
  readonly #store: EditStore;
  readonly #delayMs: number;
  readonly #record: (path: string) => StoredEdit | undefined;
  readonly #onOutcome: (error: string | undefined) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(options: {
    store: EditStore;
    delayMs: number;
    /** What to store for a path now; undefined removes its record. */
    record: (path: string) => StoredEdit | undefined;
    /** After each write: undefined when everything is stored, else why not, in plain words. */
    onOutcome: (error: string | undefined) => void;
  }) {
    this.#store = options.store;
    this.#delayMs = options.delayMs;
    this.#record = options.record;
    this.#onOutcome = options.onOutcome;
  }

  /** These paths changed: write them within the delay. */
  mark(paths: Iterable<string>): void {
    for (const path of paths) this.#pending.add(path);
    this.#timer ??= setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Write what is pending now, and wait for every write so far. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const paths = [...this.#pending];
    this.#pending.clear();
    if (paths.length === 0) return this.#writing;
    const put: StoredEdit[] = [];
    const remove: string[] = [];
    for (const path of paths) {
      const record = this.#record(path);
      if (record) put.push(record);
      else remove.push(path);
    }
    this.#writing = this.#writing
      .then(() => this.#store.write({ put, remove }))
      .then(
        () => {
          if (this.#pending.size === 0) this.#onOutcome(undefined);
        },
        (error: unknown) => {
          for (const path of paths) this.#pending.add(path);
          this.#onOutcome(storageFailureMessage(error));
        },
      );
    return this.#writing;
  }
}

/** Stored records as the workspace holds them: saved texts (or deletions) and unsaved buffers, by path. */
export function splitRecords(records: readonly StoredEdit[]): {
  saved: Map<string, string | null>;
  buffers: Map<string, string>;
} {
  return {
    saved: new Map(records.flatMap((record) => (record.saved === undefined ? [] : [[record.path, record.saved]]))),
    buffers: new Map(records.flatMap((record) => (record.buffer === undefined ? [] : [[record.path, record.buffer]]))),
  };
}
