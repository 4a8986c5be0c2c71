/** What `npm run snapshot` downloaded: the app ships these files instead of the generated sample. */
export interface SnapshotManifest {
  /** When the snapshot was taken, ISO 8601. */
  fetchedAt: string;
  /** Each file by its name: where it came from and its size. */
  files: Record<string, { url: string; bytes: number }>;
}

/** Read a manifest.json; undefined when it is not one (the app then uses the sample). */
export function readSnapshotManifest(text: string): SnapshotManifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<SnapshotManifest>;
    if (typeof value.fetchedAt !== 'string' || typeof value.files !== 'object' || value.files === null)
      return undefined;
    return { fetchedAt: value.fetchedAt, files: value.files };
  } catch {
    return undefined;
  }
}
