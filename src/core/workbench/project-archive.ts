import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ProjectFile } from '../project/types.ts';
import { messageOf } from '../text/message-of.ts';

/** File kinds a project archive may hold: the project's own text files. */
const ALLOWED = /\.(sql|yml|yaml|md|csv|txt|json)$/;
/** Limits that keep a hostile or mistaken archive from filling the tab. */
export const ARCHIVE_LIMITS = { files: 2000, fileBytes: 5 * 1024 * 1024, totalBytes: 50 * 1024 * 1024 };

/**
 * The project as a zip: every file under one folder named after the project, as `dbt init` lays a
 * project out, so unzipping it gives a folder the CLI (`npm run stack -- build --project DIR`) reads.
 */
export function writeProjectArchive(options: { name: string; files: readonly ProjectFile[] }): Uint8Array {
  const folder = safeName(options.name);
  const entries: Zippable = {};
  for (const file of options.files) entries[`${folder}/${file.path}`] = strToU8(file.content);
  return zipSync(entries, { level: 6 });
}

/** What reading an archive gave: the files, or why it cannot be used (nothing is half-read). */
export type ArchiveContents = { files: ProjectFile[]; error?: undefined } | { files?: undefined; error: string };

/**
 * Read a project zip: one project whose `dbt_project.yml` sits at the root or in a single top folder.
 * Refuses, saying which entry and why: anything that is not a zip, paths that climb out of the project
 * (`..`, absolute paths), files that are not project text, and archives past the size limits.
 */
export function readProjectArchive(bytes: Uint8Array, limits = ARCHIVE_LIMITS): ArchiveContents {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  let count = 0;
  let tooBig: string | undefined;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        count++;
        total += file.originalSize;
        if (file.originalSize > limits.fileBytes) tooBig ??= `${file.name} is ${mib(file.originalSize)} unzipped`;
        return tooBig === undefined && count <= limits.files && total <= limits.totalBytes;
      },
    });
  } catch (error) {
    return { error: `This file is not a zip archive that can be read (${messageOf(error)}).` };
  }
  if (tooBig)
    return {
      error: `The archive holds a file too large for a project: ${tooBig}; the limit is ${mib(limits.fileBytes)}.`,
    };
  if (count > limits.files)
    return { error: `The archive holds ${count} files; a project may have at most ${limits.files}.` };
  if (total > limits.totalBytes)
    return { error: `The archive unzips to ${mib(total)}; a project may be at most ${mib(limits.totalBytes)}.` };

  const names = Object.keys(entries).filter((name) => !/(^|\/)(__MACOSX|\.DS_Store)(\/|$)/.test(name));
  const root = names.includes('dbt_project.yml')
    ? ''
    : names.find((name) => /^[^/]+\/dbt_project\.yml$/.test(name))?.replace(/dbt_project\.yml$/, '');
  if (root === undefined)
    return { error: 'The archive has no dbt_project.yml, at its root or in one top folder: it is not a project.' };
  const files: ProjectFile[] = [];
  for (const name of names) {
    if (!name.startsWith(root)) return { error: `${name} sits outside the project folder ${root}.` };
    const path = name.slice(root.length);
    const problem = projectPathProblem(path);
    if (problem) return { error: `${name}: ${problem}` };
    const data = entries[name] as Uint8Array;
    const content = strFromU8(data);
    if (content.includes('\uFFFD')) return { error: `${name} is not UTF-8 text.` };
    files.push({ path, content });
  }
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** Why a path cannot be a project file (it leaves the project, or is not one of its text files); undefined if it can. */
export function projectPathProblem(path: string): string | undefined {
  if (
    path === '' ||
    path.split('/').some((part) => part === '..' || part === '.' || part === '') ||
    path.includes('\\')
  )
    return 'a path that leaves the project is not allowed.';
  if (!ALLOWED.test(path)) return "only a project's text files (.sql, .yml, .md, .csv, .json, .txt) can be imported.";
  return undefined;
}

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_') || 'project';
}

function mib(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
