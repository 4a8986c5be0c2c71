import { loadProject, type LoadedProject } from '../load-project.ts';
import type { ProjectFile } from './types.ts';

let last: { files: readonly ProjectFile[]; loaded: LoadedProject } | undefined;

/**
 * `loadProject` for a caller that loads the same files again and again: a Workbench save loads the project
 * to check it, then again to build it, with the same text. When the files are the ones loaded last (same
 * paths, same text, same order), the last result is returned as it was; a loaded project is never changed
 * after loading, so sharing it is safe.
 */
export function loadProjectMemo(files: readonly ProjectFile[]): LoadedProject {
  if (last && sameFiles(last.files, files)) return last.loaded;
  const loaded = loadProject({ files });
  last = { files: files.map((file) => ({ path: file.path, content: file.content })), loaded };
  return loaded;
}

function sameFiles(a: readonly ProjectFile[], b: readonly ProjectFile[]): boolean {
  return (
    a.length === b.length &&
    a.every((file, index) => file.path === b[index]?.path && file.content === b[index]?.content)
  );
}
