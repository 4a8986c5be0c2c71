import type { ObtainedSourceFile, SourceObtainer } from '../../core/build/source-obtainer.ts';
import type { SourceNode } from '../../core/project/types.ts';
import type { SourceFileSpec, SourceSpec } from '../../core/sources/catalogue.ts';
import { messageOf } from '../../core/text/message-of.ts';
import { readSnapshotManifest, type SnapshotManifest } from '../../core/sources/snapshot-manifest.ts';
import { fetchSourceFile } from '../../download/fetch-source.ts';
import { deleteCached, readCached, writeCached } from './raw-cache.ts';

/** Progress of one source's download, in bytes (or records, for DataStore tables). */
export interface DownloadProgress {
  /** Done so far. */
  loaded: number;
  /** Expected in all, when the portal says. */
  total?: number | undefined;
}

/** A file obtained, with when it was fetched and any notes (moved URL, proxy used, from cache). */
export type Obtained = ObtainedSourceFile & { fetchedAt: string; notes: string[] };

/** The bundled snapshot or sample (no network beyond this site). */
export const bundledObtainer: SourceObtainer = { obtain: ({ file }) => obtainBundled(file) };

/** The portals (through the proxy or a mirror when set), cached in this browser. */
export function liveObtainer(options: {
  proxy: string;
  mirror: string;
  signal: AbortSignal;
  onProgress: (source: SourceNode, progress: DownloadProgress) => void;
}): SourceObtainer {
  return {
    obtain: ({ source, spec, file, refresh }) =>
      obtainLive({ ...options, spec, file, refresh, onProgress: (progress) => options.onProgress(source, progress) }),
  };
}

/** A file the user picked stands in for the one of its source's files it names (else the first); the rest come from `others`. */
export function pickedObtainer(options: { picked: File; others: SourceObtainer }): SourceObtainer {
  return {
    obtain: (request) => {
      const files = request.spec.files;
      const byName = files.findIndex((file) => file.fileName.toLowerCase() === options.picked.name.toLowerCase());
      const index = byName >= 0 ? byName : 0;
      return files[index] === request.file
        ? obtainFromUser({ file: request.file, picked: options.picked })
        : options.others.obtain({ ...request, refresh: false });
    },
  };
}

let snapshot: Promise<SnapshotManifest | undefined> | undefined;

/**
 * The snapshot `npm run snapshot` put in public/data/snapshot, if the deployment shipped one. The build
 * says whether it did, so a site without one never requests (and gets a 404 for) its manifest.
 */
export function bundledSnapshot(): Promise<SnapshotManifest | undefined> {
  if (!(import.meta.env.VITE_BUNDLED_SNAPSHOT as string | undefined)) return Promise.resolve(undefined);
  snapshot ??= fetch(`${import.meta.env.BASE_URL}data/snapshot/manifest.json`)
    .then(async (response) => (response.ok ? readSnapshotManifest(await response.text()) : undefined))
    .catch(() => undefined);
  return snapshot;
}

/**
 * A bundled file: from the deployment's snapshot of the real data when it has this file, else the
 * generated sample (public/data/sample, written by `npm run build`).
 */
export async function obtainBundled(file: SourceFileSpec): Promise<Obtained> {
  const manifest = await bundledSnapshot();
  const entry = manifest?.files[file.fileName];
  const folder = entry ? 'snapshot' : 'sample';
  const url = `${import.meta.env.BASE_URL}data/${folder}/${encodeURIComponent(file.fileName)}`;
  const fetchedAt = entry && manifest ? manifest.fetchedAt : new Date().toISOString();
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const notes = entry ? [`From the snapshot of ${entry.url} shipped with this site.`] : [];
    return { file, origin: entry ? entry.url : `sample:${file.fileName}`, bytes, fetchedAt, notes };
  } catch (error) {
    return {
      file,
      origin: url,
      error: `the bundled ${folder} file ${file.fileName} could not be read (${messageOf(error)}).`,
      fetchedAt,
      notes: [],
    };
  }
}

/**
 * A file from the portal: from the browser's cache unless `refresh`, else downloaded (through the proxy
 * when the portal blocks the browser and one is set) and cached.
 */
export async function obtainLive(options: {
  spec: SourceSpec;
  file: SourceFileSpec;
  proxy: string;
  mirror: string;
  refresh: boolean;
  signal: AbortSignal;
  onProgress: (progress: DownloadProgress) => void;
}): Promise<Obtained> {
  const { spec, file } = options;
  // A mirror serves its own copy: cache it apart from the portal's.
  const key = `${options.mirror.trim() || 'portal'}|${file.url ?? `datastore:${file.resourceId ?? file.fileName}`}`;
  if (options.refresh) await deleteCached(key);
  const cached = await readCached(key);
  if (cached)
    return {
      file,
      origin: key,
      bytes: cached.bytes,
      fetchedAt: cached.fetchedAt,
      notes: [...cached.notes, 'From this browser’s cache.'],
    };
  try {
    const fetched = await fetchSourceFile({
      spec,
      file,
      settings: {
        proxy: options.proxy.trim() || undefined,
        mirror: options.mirror.trim() || undefined,
        signal: options.signal,
        onProgress: (progress) => options.onProgress({ loaded: progress.loaded, total: progress.total }),
      },
    });
    const fetchedAt = new Date().toISOString();
    await writeCached({ url: key, bytes: fetched.bytes, fetchedAt, notes: fetched.notes });
    return { file, origin: fetched.url, bytes: fetched.bytes, fetchedAt, notes: fetched.notes };
  } catch (error) {
    return { file, origin: key, error: messageOf(error), fetchedAt: new Date().toISOString(), notes: [] };
  }
}

/** A file the user picked or dropped, standing in for the download. */
export async function obtainFromUser(options: { file: SourceFileSpec; picked: File }): Promise<Obtained> {
  return {
    file: options.file,
    origin: `file:${options.picked.name}`,
    bytes: new Uint8Array(await options.picked.arrayBuffer()),
    fetchedAt: new Date().toISOString(),
    notes: [`Loaded by hand from ${options.picked.name}.`],
  };
}
