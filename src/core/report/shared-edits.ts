import type { ProjectFile } from '../project/types.ts';

/** One file a share link would change in the recipient's project. */
export interface SharedEditChange {
  path: string;
  /** The file as the link has it; null when the sender deleted it. */
  shared: string | null;
  /** The file as it stands here (saved); undefined when it does not exist here. */
  local: string | undefined;
  /** Whether the recipient has edits of their own to this file (saved or unsaved): applying replaces them. */
  localEdited: boolean;
}

/**
 * The files a link's edits would change here: those whose text differs from the recipient's saved text (a
 * link deleting a file that does not exist here changes nothing). Sorted by path.
 */
export function sharedEditChanges(options: {
  edits: Readonly<Record<string, string | null>>;
  savedText: (path: string) => string | undefined;
  isLocallyEdited: (path: string) => boolean;
}): SharedEditChange[] {
  const { edits, savedText, isLocallyEdited } = options;
  return Object.keys(edits)
    .sort()
    .flatMap((path) => {
      const shared = edits[path] ?? null;
      const local = savedText(path);
      if ((shared ?? undefined) === local) return [];
      return [{ path, shared, local, localEdited: isLocallyEdited(path) }];
    });
}

/** The project's files with a link's edits laid over them (null deletes a file). */
export function withSharedEdits(
  files: readonly ProjectFile[],
  edits: Readonly<Record<string, string | null>>,
): ProjectFile[] {
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  for (const [path, text] of Object.entries(edits)) {
    if (text === null) byPath.delete(path);
    else byPath.set(path, text);
  }
  return [...byPath].map(([path, content]) => ({ path, content })).sort((a, b) => a.path.localeCompare(b.path));
}

/** `#/reports/<slug>?state=<token>` on this page's address: the link a Share button hands out. */
export function shareHref(options: { base: string; page: string; token: string }): string {
  const slug = options.page.replace(/^reports\//, '').replace(/\.md$/, '');
  const path = slug.split('/').map(encodeURIComponent).join('/');
  return `${options.base}#/reports/${path}?state=${options.token}`;
}
