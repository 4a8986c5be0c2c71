/**
 * Where the user's edits live between visits: one IndexedDB record per file. A record holds what was
 * saved into the build (`saved`: the file's text, or `null` when the file was deleted) and what is typed
 * but not saved yet (`buffer`). Records are written as they change, so a reload, a crashed worker or a
 * closed tab keeps everything that was typed more than a moment ago.
 */
import { idbDone, idbRequest, openIndexedDb } from '../indexed-db.ts';

/** One file's edits. */
export interface StoredEdit {
  /** File path relative to the project root, or a workbench document such as `@scratch`. */
  path: string;
  /** The saved text; `null` when the file was deleted; absent when only the buffer differs. */
  saved?: string | null | undefined;
  /** Text typed and not saved yet. */
  buffer?: string | undefined;
  /**
   * Set by the store on every write, so a writer can tell whether the record changed since it read it
   * (another tab wrote it). Random rather than a counter: a record deleted and written again cannot come
   * back with a revision someone already holds.
   */
  revision?: string | undefined;
  /**
   * Set on a version kept aside when two tabs changed the same file at once: the file it is a version of.
   * Such a record's `path` is a key of its own (`@conflict/…`) and its `buffer` is that version's text.
   */
  conflictOf?: string | undefined;
}

/** One path to write: the record to store (undefined deletes it), if the stored one is still `expected`. */
export interface EditChange {
  /** The record's path. */
  path: string;
  /** What to store; undefined removes the record. */
  record: StoredEdit | undefined;
  /** The revision the writer last saw stored (undefined: it saw no record). */
  expected: string | undefined;
}

/** What a write did, path by path. */
export interface WriteResult {
  /** Paths written, with their new revision (undefined for a removed record). */
  written: { path: string; revision: string | undefined }[];
  /** Paths not written because another tab wrote them since the writer read them, with what is stored now. */
  conflicts: { path: string; stored: StoredEdit | undefined }[];
}

/** The edits kept in the browser. */
export interface EditStore {
  /** Every stored edit. */
  load(): Promise<StoredEdit[]>;
  /** The stored records of these paths (undefined where there is none), in order. */
  read(paths: readonly string[]): Promise<(StoredEdit | undefined)[]>;
  /**
   * Write these changes in one transaction. A change whose record is no longer the revision the writer
   * expected is not written and comes back as a conflict; the others land together, or none do.
   */
  write(changes: readonly EditChange[]): Promise<WriteResult>;
  /** Call `listener` with the paths another tab (or another store on the same database) wrote. */
  watch(listener: (paths: string[]) => void): () => void;
}

// A database of its own: the raw-file cache (sources/raw-cache.ts) owns 'data-stack-in-a-tab'.
const DATABASE = 'data-stack-in-a-tab-edits';
const STORE = 'edits';

/**
 * The edits in this browser's IndexedDB: a database per project (`namespace`: none for the NSW project,
 * which keeps the database it had before there were other projects, so its users' edits stay where they
 * were) or per `name` (tests). Tabs of the same
 * site share it: each write is a compare-and-set on the records' revisions inside one readwrite
 * transaction (IndexedDB runs those one at a time), and is announced on a BroadcastChannel of the same
 * name so the other tabs read what changed.
 */
export function indexedDbEditStore(
  options: { factory?: IDBFactory; name?: string; namespace?: string | undefined } = {},
): EditStore {
  const name = options.name ?? (options.namespace ? `${DATABASE}:${options.namespace}` : DATABASE);
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    opened ??= openIndexedDb({ name, stores: [{ name: STORE, keyPath: 'path' }], factory: options.factory });
    // A failed open (private mode, blocked storage) is tried again next time rather than cached.
    opened.catch(() => (opened = undefined));
    return opened;
  };
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`edits:${name}`) : undefined;
  return {
    async load() {
      const db = await database();
      return idbRequest<StoredEdit[]>(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
    },
    async read(paths) {
      const db = await database();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      return Promise.all(paths.map((path) => idbRequest<StoredEdit | undefined>(store.get(path))));
    },
    async write(changes) {
      const db = await database();
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      const result: WriteResult = { written: [], conflicts: [] };
      const stored = await Promise.all(
        changes.map((change) => idbRequest<StoredEdit | undefined>(store.get(change.path))),
      );
      changes.forEach((change, index) => {
        const now = stored[index];
        if (now?.revision !== change.expected) return void result.conflicts.push({ path: change.path, stored: now });
        const revision = change.record ? crypto.randomUUID() : undefined;
        if (change.record) store.put({ ...plain(change.record), revision });
        else store.delete(change.path);
        result.written.push({ path: change.path, revision });
      });
      await idbDone(transaction);
      if (result.written.length > 0) channel?.postMessage(result.written.map((entry) => entry.path));
      return result;
    },
    watch(listener) {
      const onMessage = (event: MessageEvent<string[]>) => listener(event.data);
      channel?.addEventListener('message', onMessage);
      return () => channel?.removeEventListener('message', onMessage);
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
  if (edit.conflictOf !== undefined) record.conflictOf = edit.conflictOf;
  return record;
}

/**
 * Writes changed paths to a store a moment after they change, one write at a time. A write that fails
 * keeps its paths pending, so the next change (or `flush`) writes them again: nothing is dropped.
 */
export class WriteQueue {
  readonly #pending = new Set<string>();
  readonly #store: EditStore;
  readonly #delayMs: number;
  readonly #changes: (paths: readonly string[]) => EditChange[];
  readonly #onWritten: (result: WriteResult) => void;
  readonly #onOutcome: (error: string | undefined) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void>;

  constructor(options: {
    store: EditStore;
    delayMs: number;
    /** What to write for these paths now, each with the revision it expects to replace. */
    changes: (paths: readonly string[]) => EditChange[];
    /** What each write did (written paths and conflicts), before `onOutcome`. */
    onWritten: (result: WriteResult) => void;
    /** After each write: undefined when everything is stored, else why not, in plain words. */
    onOutcome: (error: string | undefined) => void;
    /** Nothing is written before this settles (the stored revisions are not known until then). */
    after?: Promise<void> | undefined;
  }) {
    this.#store = options.store;
    this.#delayMs = options.delayMs;
    this.#changes = options.changes;
    this.#onWritten = options.onWritten;
    this.#onOutcome = options.onOutcome;
    this.#writing = options.after ?? Promise.resolve();
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
    this.#writing = this.#writing
      // The records are read when the write starts, so they hold the latest text.
      .then(() => this.#store.write(this.#changes(paths)))
      .then(
        (result) => {
          this.#onWritten(result);
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

/**
 * Stored records as the workspace holds them: saved texts (or deletions) and unsaved buffers by path,
 * each record's revision, and the versions kept aside from conflicts between tabs.
 */
export function splitRecords(records: readonly StoredEdit[]): {
  saved: Map<string, string | null>;
  buffers: Map<string, string>;
  revisions: Map<string, string | undefined>;
  kept: StoredEdit[];
} {
  const files = records.filter((record) => record.conflictOf === undefined);
  return {
    saved: new Map(files.flatMap((record) => (record.saved === undefined ? [] : [[record.path, record.saved]]))),
    buffers: new Map(files.flatMap((record) => (record.buffer === undefined ? [] : [[record.path, record.buffer]]))),
    revisions: new Map(records.map((record) => [record.path, record.revision])),
    kept: records.filter((record) => record.conflictOf !== undefined),
  };
}
