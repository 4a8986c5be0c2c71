import { readPrecomputedManifest } from '../../core/results/precomputed-manifest.ts';
import { earlyResults, type EarlyResults } from './early-results.ts';

// Inlined by vite.config.ts from public/data/precomputed/manifest.json: '' when the build precomputed nothing.
const manifest = readPrecomputedManifest(import.meta.env.VITE_PRECOMPUTED as string | undefined);

/** The key of the sample this site serves (vite.config.ts hashes public/data/sample): '' when it has none. */
export const bundledSampleKey = (import.meta.env.VITE_SAMPLE_DATA_KEY as string | undefined) ?? '';

/**
 * A page's results precomputed by the site's build, when they were computed for exactly `key` (this
 * project, these reports, this data); undefined otherwise, or when they cannot be read. Nothing is
 * requested unless the key matches.
 */
export async function precomputedResults(options: { key: string; page: string }): Promise<EarlyResults | undefined> {
  const page = manifest?.key === options.key ? manifest.pages[options.page] : undefined;
  if (!page) return undefined;
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}data/precomputed/${encodeURIComponent(page.file)}`);
    if (!response.ok) return undefined;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const results = new Map<string, Uint8Array>();
    for (const [query, slice] of Object.entries(page.queries)) {
      if (slice.offset + slice.length > bytes.byteLength) return undefined;
      results.set(query, bytes.subarray(slice.offset, slice.offset + slice.length));
    }
    return earlyResults({ source: 'precomputed', page: options.page, key: options.key, results });
  } catch {
    return undefined;
  }
}
