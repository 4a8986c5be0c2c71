/* eslint-disable svelte/prefer-svelte-reactivity -- every Map and Set here is built whole and then assigned to a $state.raw field (or read once); none is mutated after, so a SvelteMap would add nothing. */
import type { ProjectFile } from '../../core/project/types.ts';
import { withEntries, withoutKeys } from '../with-entries.ts';
import { splitRecords, storageFailureMessage, WriteQueue, type EditStore } from './edit-store.ts';

/** The workbench's scratch query: a document of its own, kept like a file but never part of the project. */
export const SCRATCH = '@scratch';

/**
 * The project's files as the user has them: the bundled files, with what the user saved laid over them
 * (changed, added, deleted files), and what is typed but not saved yet. Every change is written to the
 * edit store within `delayMs`; a storage failure is reported in `storageError` and nothing is dropped:
 * the changes stay in memory and are written with the next change (or `flush`).
 */
export class Workspace {
  /** Saved files that differ from the bundle: path → text, or `null` for a deleted bundled file. */
  saved = $state.raw<ReadonlyMap<string, string | null>>(new Map());
  /** Typed, not saved: path → text. */
  buffers = $state.raw<ReadonlyMap<string, string>>(new Map());
  /** Why edits could not be kept in the browser, when they could not. */
  storageError = $state<string | undefined>(undefined);
  /** Resolves once stored edits are read (or reading failed, with `storageError` set). */
  readonly ready: Promise<void>;

  readonly #bundled: ReadonlyMap<string, string>;
  readonly #store: EditStore;
  readonly #queue: WriteQueue;

  constructor(options: { bundled: readonly ProjectFile[]; store: EditStore; delayMs?: number }) {
    this.#bundled = new Map(options.bundled.map((file) => [file.path, file.content]));
    this.#store = options.store;
    this.#queue = new WriteQueue({
      store: options.store,
      delayMs: options.delayMs ?? 250,
      record: (path) => {
        const saved = this.saved.get(path);
        const buffer = this.buffers.get(path);
        return saved === undefined && buffer === undefined ? undefined : { path, saved, buffer };
      },
      onOutcome: (error) => (this.storageError = error),
    });
    this.ready = this.#load();
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
    this.#queue.mark([path]);
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
    return chosen;
  }

  /** Put a file back as bundled (a file the user added is removed); its unsaved text goes too. */
  reset(path: string): void {
    this.#replace(path, undefined);
  }

  /** Put every project file back as bundled. The scratch query is kept. */
  resetAll(): string[] {
    const paths = [...new Set([...this.saved.keys(), ...this.buffers.keys()])].filter((path) => path !== SCRATCH);
    for (const path of paths) this.#replace(path, undefined);
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
    return changed;
  }

  /** Add a file; refused (returns a message) when the path is taken. */
  create(path: string, content: string): string | undefined {
    if (this.savedText(path) !== undefined) return `${path} already exists.`;
    this.#replace(path, content);
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
    return undefined;
  }

  /** Delete a file (a bundled file stays deleted until reset). */
  remove(path: string): void {
    this.#replace(path, null);
  }

  /** Write what is pending now, and wait for it. */
  flush(): Promise<void> {
    return this.#queue.flush();
  }

  /** Lay `content` over the bundle at `path` (`null` deletes; `undefined` restores the bundled file). */
  #replace(path: string, content: string | null | undefined): void {
    const bundled = this.#bundled.get(path);
    const restores = content === undefined || content === bundled || (content === null && bundled === undefined);
    this.saved = restores ? withoutKeys(this.saved, [path]) : withEntries(this.saved, [[path, content]]);
    this.buffers = withoutKeys(this.buffers, [path]);
    this.#queue.mark([path]);
  }

  #unsavedFiles(paths: readonly string[] | undefined): string[] {
    return (paths ?? [...this.buffers.keys()]).filter((path) => path !== SCRATCH && this.buffers.has(path));
  }

  async #load(): Promise<void> {
    try {
      const stored = splitRecords(await this.#store.load());
      // Edits made before the store answered win over what it held.
      this.saved = withEntries(stored.saved, this.saved);
      this.buffers = withEntries(stored.buffers, this.buffers);
    } catch (error) {
      this.storageError = storageFailureMessage(error);
    }
  }
}
