/* eslint-disable svelte/prefer-svelte-reactivity -- every Map and Set that state holds is built whole and then assigned to a $state.raw field (or read once), never mutated after; the private bookkeeping maps are mutated but are not state (nothing renders from them), so a SvelteMap would add nothing. */
import type { ProjectFile } from '../../core/project/types.ts';
import { withEntries, withoutKeys } from '../with-entries.ts';
import {
  splitRecords,
  storageFailureMessage,
  WriteQueue,
  type EditChange,
  type EditStore,
  type StoredEdit,
  type WriteResult,
} from './edit-store.ts';

/** The workbench's scratch query: a document of its own, kept like a file but never part of the project. */
export const SCRATCH = '@scratch';

/** Where a version kept aside from a conflict between tabs is stored (never a project file). */
const KEPT = '@conflict/';

/**
 * The project's files as the user has them: the bundled files, with what the user saved laid over them
 * (changed, added, deleted files), and what is typed but not saved yet. Every change is written to the
 * edit store within `delayMs`; a storage failure is reported in `storageError` and nothing is dropped:
 * the changes stay in memory and are written with the next change (or `flush`).
 *
 * Tabs of the same site share the store. When another tab writes a file this tab has no changes of its
 * own in, this tab takes the new text in place. When both changed it, that is a conflict, never settled
 * silently: each tab keeps its own text (this tab's is stored aside, under a key of its own, so a reload
 * or a closed tab loses neither), `conflicts` holds the other version, and only the user's choice
 * (`keepThisVersion` or `takeOtherVersion`) ends it.
 */
export class Workspace {
  /** Saved files that differ from the bundle: path → text, or `null` for a deleted bundled file. */
  saved = $state.raw<ReadonlyMap<string, string | null>>(new Map());
  /** Typed, not saved: path → text. */
  buffers = $state.raw<ReadonlyMap<string, string>>(new Map());
  /** Files changed in another tab while this one had changes of its own: path → the other version's text. */
  conflicts = $state.raw<ReadonlyMap<string, string>>(new Map());
  /** Why edits could not be kept in the browser, when they could not. */
  storageError = $state<string | undefined>(undefined);
  /** Resolves once the bundled files arrived and stored edits are read (or reading failed, with `storageError` set). */
  readonly ready: Promise<void>;

  /** State, so what was drawn before the bundled files arrived (they are fetched) is drawn again with them. */
  #bundled = $state.raw<ReadonlyMap<string, string>>(new Map());
  readonly #bundledFiles: readonly ProjectFile[] | Promise<readonly ProjectFile[]>;
  readonly #store: EditStore;
  readonly #queue: WriteQueue;
  // Not state: bookkeeping of what is stored, which nothing renders.
  /** The revision of each stored record as this tab last saw it (read, written, or told of). */
  readonly #revisions = new Map<string, string | undefined>();
  /** Paths changed in this tab and not written yet, with the number of their latest change. */
  readonly #dirty = new Map<string, number>();
  #changes = 0;
  /** How many changes had been made when the write in flight read its records. */
  #writeStamp = 0;
  /** Per path, how many writes had landed when this tab last wrote it (a read older than that is stale). */
  readonly #writtenAt = new Map<string, number>();
  #writes = 0;
  /** Files in conflict whose text in this tab is stored aside: path → the key it is stored under. */
  readonly #aside = new Map<string, string>();
  /** For those files: the record stored at the path (the other tab's version). */
  readonly #theirs = new Map<string, StoredEdit | undefined>();
  /** Versions kept aside by other tabs (or by this tab before a reload), by key. */
  readonly #kept = new Map<string, StoredEdit>();
  /** Kept versions the user chose to drop, to be removed. */
  readonly #discarded = new Set<string>();

  /** `bundled` may be a promise (the app fetches its project); a failed fetch leaves no bundled files (the caller reports it). */
  constructor(options: {
    bundled: readonly ProjectFile[] | Promise<readonly ProjectFile[]>;
    store: EditStore;
    delayMs?: number;
  }) {
    this.#bundledFiles = options.bundled;
    // Files in hand are there at once, as before the bundle could be fetched: only a promise has to wait.
    if (Array.isArray(options.bundled)) this.#bundled = bundleMap(options.bundled);
    this.#store = options.store;
    this.ready = this.#load();
    this.#queue = new WriteQueue({
      store: options.store,
      delayMs: options.delayMs ?? 250,
      changes: (paths) => this.#changesFor(paths),
      onWritten: (result) => this.#settle(result),
      onOutcome: (error) => (this.storageError = error),
      after: this.ready,
    });
    options.store.watch((paths) => void this.#pull(paths));
    // Typing is written a moment later; a tab being closed or reloaded writes it now.
    globalThis.addEventListener?.('pagehide', () => void this.flush());
  }

  /** The saved project: bundled files with the saved edits laid over them, by path. */
  files(): ProjectFile[] {
    const paths = new Set([...this.#bundled.keys(), ...this.saved.keys()]);
    return [...paths]
      .flatMap((path) => {
        const content = this.savedText(path);
        return content === undefined ? [] : [{ path, content }];
      })
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  /** A file's saved text; undefined when it does not exist (or was deleted). */
  savedText(path: string): string | undefined {
    const saved = this.saved.get(path);
    if (saved === null) return undefined;
    return saved ?? this.#bundled.get(path);
  }

  /** What the editor shows: the unsaved text, else the saved text. */
  text(path: string): string | undefined {
    return this.buffers.get(path) ?? this.savedText(path);
  }

  /** The file as bundled with the app; undefined for a file the user added. */
  bundledText(path: string): string | undefined {
    return this.#bundled.get(path);
  }

  /** Whether the file has typed, unsaved changes. */
  isUnsaved(path: string): boolean {
    return this.buffers.has(path);
  }

  /** Whether the saved file differs from the bundled one (changed, added or deleted). */
  isEdited(path: string): boolean {
    return this.saved.has(path);
  }

  /** Paths of every file whose saved text differs from the bundle. */
  editedPaths(): string[] {
    return [...this.saved.keys()].sort();
  }

  /** Record what the user typed into a document. */
  type(path: string, text: string): void {
    this.buffers =
      text === this.savedText(path) ? withoutKeys(this.buffers, [path]) : withEntries(this.buffers, [[path, text]]);
    this.#touch(path);
  }

  /**
   * What the saved files would be if these documents' unsaved text were saved (default: every unsaved
   * project file), without saving anything.
   */
  filesWithBuffers(paths?: readonly string[]): ProjectFile[] {
    const chosen = this.#unsavedFiles(paths);
    const overrides = new Map(chosen.map((path) => [path, this.buffers.get(path) as string]));
    const files = this.files().map((file) => ({ path: file.path, content: overrides.get(file.path) ?? file.content }));
    const known = new Set(files.map((file) => file.path));
    for (const [path, content] of overrides) if (!known.has(path)) files.push({ path, content });
    return files;
  }

  /** Save documents' unsaved text (default: every unsaved project file); returns the paths saved. */
  save(paths?: readonly string[]): string[] {
    const chosen = this.#unsavedFiles(paths);
    for (const path of chosen) this.#replace(path, this.buffers.get(path));
    this.#writeNow();
    return chosen;
  }

  /** Put a file back as bundled (a file the user added is removed); its unsaved text goes too. */
  reset(path: string): void {
    this.#replace(path, undefined);
    this.#writeNow();
  }

  /** Put every project file back as bundled. The scratch query is kept. */
  resetAll(): string[] {
    const paths = [...new Set([...this.saved.keys(), ...this.buffers.keys()])].filter((path) => path !== SCRATCH);
    for (const path of paths) this.#replace(path, undefined);
    this.#writeNow();
    return paths;
  }

  /**
   * Make the saved project exactly these files (an imported archive): bundled files it lacks are deleted,
   * unsaved text in project files is dropped. The scratch query is kept. Returns the paths that changed.
   */
  replaceAll(files: readonly ProjectFile[]): string[] {
    const incoming = new Map(files.map((file) => [file.path, file.content]));
    const paths = new Set([...this.#bundled.keys(), ...this.saved.keys(), ...this.buffers.keys(), ...incoming.keys()]);
    const changed = [...paths].filter(
      (path) => path !== SCRATCH && (incoming.get(path) !== this.savedText(path) || this.buffers.has(path)),
    );
    for (const path of changed) this.#replace(path, incoming.get(path) ?? null);
    this.#writeNow();
    return changed;
  }

  /**
   * Lay a share link's edits over the saved project (null deletes a file); each path's unsaved text goes
   * too, so the caller asks first when the user has edits of their own there. Returns the paths changed.
   */
  overlay(edits: Readonly<Record<string, string | null>>): string[] {
    const changed = Object.keys(edits).filter(
      (path) => path !== SCRATCH && ((edits[path] ?? undefined) !== this.savedText(path) || this.buffers.has(path)),
    );
    for (const path of changed) this.#replace(path, edits[path] ?? null);
    this.#writeNow();
    return changed;
  }

  /** Add a file; refused (returns a message) when the path is taken. */
  create(path: string, content: string): string | undefined {
    if (this.savedText(path) !== undefined) return `${path} already exists.`;
    this.#replace(path, content);
    this.#writeNow();
    return undefined;
  }

  /** Move a file, unsaved text and all; refused (returns a message) when the new path is taken. */
  rename(from: string, to: string): string | undefined {
    const content = this.savedText(from);
    if (content === undefined) return `${from} does not exist.`;
    if (from === to) return undefined;
    if (this.savedText(to) !== undefined) return `${to} already exists.`;
    const buffer = this.buffers.get(from);
    this.#replace(to, content);
    this.#replace(from, null);
    if (buffer !== undefined) this.type(to, buffer);
    this.#writeNow();
    return undefined;
  }

  /** Delete a file (a bundled file stays deleted until reset). */
  remove(path: string): void {
    this.#replace(path, null);
    this.#writeNow();
  }

  /** Write what is pending now, and wait for it. */
  flush(): Promise<void> {
    return this.#queue.flush();
  }

  /** End a conflict with this tab's text: the other version is dropped (the user compared and chose). */
  keepThisVersion(path: string): void {
    const key = this.#aside.get(path);
    if (key !== undefined) {
      this.#aside.delete(path);
      this.#theirs.delete(path);
      this.#discarded.add(key);
      this.#queue.mark([key]);
    }
    for (const [other, record] of this.#kept)
      if (record.conflictOf === path) {
        this.#discarded.add(other);
        this.#queue.mark([other]);
      }
    this.#touch(path);
    this.#refreshConflicts();
    void this.flush();
  }

  /** End a conflict with the other version: it becomes this tab's (unsaved) text, and this tab's is dropped. */
  takeOtherVersion(path: string): void {
    const other = this.conflicts.get(path);
    this.keepThisVersion(path);
    if (other !== undefined) this.type(path, other);
    void this.flush();
  }

  /**
   * A save, reset, rename, delete or import is a deliberate act: written now, in one transaction, rather
   * than a moment later (a reload right after a save keeps it saved).
   */
  #writeNow(): void {
    void this.flush();
  }

  /** Lay `content` over the bundle at `path` (`null` deletes; `undefined` restores the bundled file). */
  #replace(path: string, content: string | null | undefined): void {
    this.#keepTheirsAside(path);
    const bundled = this.#bundled.get(path);
    const restores = content === undefined || content === bundled || (content === null && bundled === undefined);
    this.saved = restores ? withoutKeys(this.saved, [path]) : withEntries(this.saved, [[path, content]]);
    this.buffers = withoutKeys(this.buffers, [path]);
    this.#touch(path);
  }

  #unsavedFiles(paths: readonly string[] | undefined): string[] {
    return (paths ?? [...this.buffers.keys()]).filter((path) => path !== SCRATCH && this.buffers.has(path));
  }

  async #load(): Promise<void> {
    try {
      this.#bundled = bundleMap(await this.#bundledFiles);
    } catch {
      // The app's stack awaits the same files and shows why they could not be had.
    }
    try {
      const stored = splitRecords(await this.#store.load());
      // Edits made before the store answered win over what it held.
      this.saved = withEntries(stored.saved, this.saved);
      this.buffers = withEntries(stored.buffers, this.buffers);
      for (const [path, revision] of stored.revisions) this.#revisions.set(path, revision);
      for (const record of stored.kept) this.#kept.set(record.path, record);
      this.#refreshConflicts();
    } catch (error) {
      this.storageError = storageFailureMessage(error);
    }
  }

  /**
   * A save, reset, rename or delete of a file in conflict stores this tab's result at the file's own
   * path; the other tab's version moves to the key this tab's was kept under, so it is still offered.
   */
  #keepTheirsAside(path: string): void {
    const key = this.#aside.get(path);
    if (key === undefined) return;
    this.#aside.delete(path);
    const theirs = this.#textOf(path, this.#theirs.get(path)) ?? '';
    this.#kept.set(key, { path: key, conflictOf: path, buffer: theirs });
    this.#theirs.delete(path);
    this.#queue.mark([key]);
  }

  /** This tab changed a path: write it (or, while in conflict, its version kept aside) soon. */
  #touch(path: string): void {
    this.#dirty.set(path, ++this.#changes);
    this.#queue.mark([this.#aside.get(path) ?? path]);
  }

  /** The records to write for these keys, each expecting the revision this tab last saw. */
  #changesFor(keys: readonly string[]): EditChange[] {
    this.#writeStamp = this.#changes;
    // A file that went into conflict after it was marked is written aside, never over the other tab's text.
    const targets = new Set(keys.map((key) => this.#aside.get(key) ?? key));
    return [...targets].map((key) => ({ path: key, record: this.#recordOf(key), expected: this.#revisions.get(key) }));
  }

  #recordOf(key: string): StoredEdit | undefined {
    if (this.#discarded.has(key)) return undefined;
    const asideOf = [...this.#aside].find(([, aside]) => aside === key)?.[0];
    if (asideOf !== undefined) return { path: key, conflictOf: asideOf, buffer: this.text(asideOf) ?? '' };
    if (key.startsWith(KEPT)) return this.#kept.get(key);
    const saved = this.saved.get(key);
    const buffer = this.buffers.get(key);
    return saved === undefined && buffer === undefined ? undefined : { path: key, saved, buffer };
  }

  /** After a write: note the new revisions, and take up any conflict it met. */
  #settle(result: WriteResult): void {
    this.#writes++;
    for (const { path, revision } of result.written) {
      this.#revisions.set(path, revision);
      this.#writtenAt.set(path, this.#writes);
      this.#discarded.delete(path);
      if (revision === undefined) this.#kept.delete(path);
      const file = this.#fileOf(path);
      if ((this.#dirty.get(file) ?? Infinity) <= this.#writeStamp) this.#dirty.delete(file);
    }
    for (const { path, stored } of result.conflicts) this.#arrived(path, stored);
    this.#refreshConflicts();
  }

  /** Another tab wrote these paths: read what it wrote. */
  async #pull(paths: readonly string[]): Promise<void> {
    await this.ready;
    const writes = this.#writes;
    let records: (StoredEdit | undefined)[];
    try {
      records = await this.#store.read(paths);
    } catch {
      return; // Storage failed: the next write meets the change as a conflict instead.
    }
    paths.forEach((path, index) => {
      // This tab wrote the path after the read began: what was read is older than what this tab holds.
      if ((this.#writtenAt.get(path) ?? 0) > writes) return;
      if (this.#revisions.get(path) !== records[index]?.revision) this.#arrived(path, records[index]);
    });
    this.#refreshConflicts();
  }

  /** A record another tab wrote (found by a notice, or by a write that met it). */
  #arrived(path: string, record: StoredEdit | undefined): void {
    this.#revisions.set(path, record?.revision);
    if (path.startsWith(KEPT)) return this.#keptArrived(path, record);
    if (this.#aside.has(path)) this.#theirs.set(path, record);
    else if (!this.#dirty.has(path)) this.#adopt(path, record);
    else this.#conflict(path, record);
  }

  #keptArrived(key: string, record: StoredEdit | undefined): void {
    if (record) return void this.#kept.set(key, record);
    this.#kept.delete(key);
    const file = [...this.#aside].find(([, aside]) => aside === key)?.[0];
    if (file === undefined) return;
    // Another tab ended this conflict by keeping its own version, having compared the two.
    this.#aside.delete(file);
    this.#dirty.delete(file);
    this.#adopt(file, this.#theirs.get(file));
    this.#theirs.delete(file);
  }

  /** Take another tab's record of a file as this tab's. */
  #adopt(path: string, record: StoredEdit | undefined): void {
    const saved = record?.saved;
    const buffer = record?.buffer;
    this.saved = saved === undefined ? withoutKeys(this.saved, [path]) : withEntries(this.saved, [[path, saved]]);
    this.buffers =
      buffer === undefined ? withoutKeys(this.buffers, [path]) : withEntries(this.buffers, [[path, buffer]]);
  }

  /**
   * Both tabs changed a file: this tab takes the other's saved text, keeps its own text as unsaved, and
   * stores it aside; the other version is offered in `conflicts`.
   */
  #conflict(path: string, record: StoredEdit | undefined): void {
    const mine = this.text(path);
    if (mine === this.#textOf(path, record)) {
      this.#dirty.delete(path);
      return this.#adopt(path, record);
    }
    this.#adopt(path, { path, saved: record?.saved });
    if (mine !== undefined && mine !== this.savedText(path)) this.buffers = withEntries(this.buffers, [[path, mine]]);
    this.#aside.set(path, `${KEPT}${crypto.randomUUID()}`);
    this.#theirs.set(path, record);
    this.#touch(path);
    void this.flush();
  }

  /** The text a record gives a file (unsaved, else saved, else bundled); undefined when it is deleted. */
  #textOf(path: string, record: StoredEdit | undefined): string | undefined {
    if (record?.buffer !== undefined) return record.buffer;
    if (record?.saved === null) return undefined;
    return record?.saved ?? this.#bundled.get(path);
  }

  /** The file a stored key belongs to (a kept version's file, else the key itself). */
  #fileOf(key: string): string {
    return [...this.#aside].find(([, aside]) => aside === key)?.[0] ?? this.#kept.get(key)?.conflictOf ?? key;
  }

  #refreshConflicts(): void {
    const mine = new Set(this.#aside.values());
    const entries: [string, string][] = [...this.#aside.keys()].map((path) => [
      path,
      this.#textOf(path, this.#theirs.get(path)) ?? '',
    ]);
    for (const [key, record] of this.#kept)
      if (!mine.has(key) && !this.#discarded.has(key) && record.conflictOf !== undefined)
        entries.push([record.conflictOf, record.buffer ?? '']);
    this.conflicts = new Map(entries.reverse());
  }
}

/** The bundled files by path. */
function bundleMap(files: readonly ProjectFile[]): ReadonlyMap<string, string> {
  return new Map(files.map((file) => [file.path, file.content]));
}
