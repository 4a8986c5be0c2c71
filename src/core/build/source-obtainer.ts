import type { SourceNode } from '../project/types.ts';
import type { SourceFileSpec, SourceSpec } from '../sources/catalogue.ts';
import type { ObtainedFile } from '../sources/plan-source.ts';

/** One of a source's files, as an obtainer had it: its bytes (or why not), with provenance. */
export type ObtainedSourceFile = ObtainedFile & {
  /** When the data was fetched from its publisher, ISO 8601 (the bundled sample: when it was read). */
  fetchedAt?: string | undefined;
  /** Plain-words notes for the user (moved URL, proxy used, from cache, loaded by hand). */
  notes?: string[] | undefined;
};

/** What a build session asks an obtainer for. */
export interface ObtainRequest {
  /** The source the file belongs to. */
  source: SourceNode;
  /** Its catalogue entry. */
  spec: SourceSpec;
  /** The file wanted. */
  file: SourceFileSpec;
  /** Fetch afresh instead of using a cached copy. */
  refresh: boolean;
}

/**
 * Where source files come from: the bundled sample, the portals (live or through a mirror), a folder
 * (`--data DIR`) or a file the user picked. The app and the CLI each plug theirs into the one build session.
 */
export interface SourceObtainer {
  /** Obtain one file. Never rejects: a file that cannot be had comes back with `error` saying why. */
  obtain(request: ObtainRequest): Promise<ObtainedSourceFile>;
}
