import type { InputValue } from '../report/bind-inputs.ts';
import type { ProjectFile } from '../project/types.ts';
import { hashString } from '../text/hash.ts';

/**
 * Keys under which a report's query results may be reused without running them: precomputed at build time,
 * or kept in the browser after a build. A key names everything the numbers were computed from, so results
 * are only ever shown for exactly the state they came from; anything else misses and waits for the build.
 */

/**
 * The key of a project on a set of data: every file's path and content (the dbt project and the reports,
 * as saved), and the identity of the data loaded into it (see `sampleDataKey`, `snapshotDataKey`). Order
 * of `files` does not matter; any change to a path, a byte of content, or the data gives another key.
 */
export function projectDataKey(options: { files: readonly ProjectFile[]; data: string }): string {
  const entries = [...options.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => `${file.path}\u0000${file.content.length}\u0000${hashString(file.content)}`);
  return wideHash([`data\u0000${options.data}`, ...entries].join('\n'));
}

/** The key of one query's result: its SQL as bound and the values of its parameters, in order. */
export function queryKey(options: { sql: string; params: readonly InputValue[] }): string {
  const params = options.params.map((value) => (value === null ? 'null' : `${typeof value}:${String(value)}`));
  return wideHash(`${options.sql}\u0000${params.join('\u0001')}`);
}

/** The identity of the bundled sample: each file's name and a hash of its bytes (order does not matter). */
export function sampleDataKey(files: readonly { name: string; hash: string }[]): string {
  const entries = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `sample:${wideHash(entries.map((file) => `${file.name}\u0000${file.hash}`).join('\n'))}`;
}

/** The identity of a shipped snapshot of the real data: its manifest's text names every file and its fetch time. */
export function snapshotDataKey(manifestText: string): string {
  return `snapshot:${wideHash(manifestText)}`;
}

/**
 * 64 bits of FNV-1a: the text's own hash beside the hash of the text prefixed by its length, so one
 * accidental 32-bit collision is not enough for two states to share a key.
 */
function wideHash(text: string): string {
  return `${hashString(text)}${hashString(`${text.length}:${text}`)}`;
}
