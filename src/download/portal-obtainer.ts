import type { SourceObtainer } from '../core/build/source-obtainer.ts';
import { messageOf } from '../core/text/message-of.ts';
import { fetchSourceFile } from './fetch-source.ts';

/**
 * Download from the portals, or from a mirror of them (`--mirror URL` replaces the scheme and host of every
 * Data.NSW and ACARA URL, keeping the paths). Failures become errors for that source.
 */
export function portalObtainer(options: {
  mirror?: string | undefined;
  onNote?: ((note: string) => void) | undefined;
}): SourceObtainer {
  return {
    obtain: async ({ spec, file }) => {
      try {
        const fetched = await fetchSourceFile({
          spec,
          file,
          settings: { mirror: options.mirror, onNote: options.onNote },
        });
        return { file, origin: fetched.url, bytes: fetched.bytes, notes: fetched.notes };
      } catch (error) {
        return { file, origin: file.url ?? file.fileName, error: messageOf(error) };
      }
    },
  };
}
