import type { SourceFileSpec } from '../core/sources/catalogue.ts';
import { readSourceSpec } from '../core/sources/catalogue.ts';
import type { ObtainedFile } from '../core/sources/plan-source.ts';
import type { SourceNode } from '../core/project/types.ts';
import { fetchSourceFile } from '../download/fetch-source.ts';

/**
 * Download a source file from the portals, or from a mirror of them (`--mirror URL` replaces the scheme
 * and host of every Data.NSW and ACARA URL, keeping the paths). Failures become errors for that source.
 */
export function portalObtainer(options: { mirror?: string | undefined; onNote?: (note: string) => void }) {
  return async ({ source, file }: { source: SourceNode; file: SourceFileSpec }): Promise<ObtainedFile> => {
    const spec = readSourceSpec(source).spec;
    if (!spec) return { file, origin: file.url ?? file.fileName, error: 'its catalogue entry is invalid.' };
    try {
      const fetched = await fetchSourceFile({
        spec,
        file,
        settings: { mirror: options.mirror, onNote: options.onNote },
      });
      return { file, origin: fetched.url, bytes: fetched.bytes };
    } catch (error) {
      return { file, origin: file.url ?? file.fileName, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
