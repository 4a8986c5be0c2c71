import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSourceSpec, type SourceFileSpec } from '../core/sources/catalogue.ts';
import { planSourceFromFiles, type ObtainedFile, type PlannedSource } from '../core/sources/plan-source.ts';
import type { SourceNode } from '../core/project/types.ts';
import { SAMPLE_GENERATORS } from '../sample/registry.ts';
import type { SampleFile } from '../sample/sample-file.ts';

/** Where the CLI reads source files from. */
export interface SourceLocation {
  /** `--data DIR`: each file by its name in DIR. */
  data?: string | undefined;
  /** `--mirror URL`: download through a mirror of the portals (see obtainFromMirror). */
  obtainFromMirror?: ((options: { source: SourceNode; file: SourceFileSpec }) => Promise<ObtainedFile>) | undefined;
}

/**
 * Plan loading each source the build needs. With `--data DIR` or `--mirror URL`, a file that cannot be had
 * is an error for its source: the sample is never substituted silently. Otherwise the source's offline
 * sample is generated (deterministic, the same files the browser bundles).
 */
export async function planSourceLoads(options: {
  sources: readonly SourceNode[];
  location: SourceLocation;
  loadedAt: string;
}): Promise<PlannedSource[]> {
  // One generator makes all of a dataset's files (RAM's six years, enrolments' four resources): run each once.
  const samples = new Map<string, SampleFile[]>();
  return Promise.all(
    options.sources.map(async (source) => {
      const files = (readSourceSpec(source).spec?.files ?? []).map((file) =>
        obtain({ source, file, location: options.location, samples }),
      );
      return planSourceFromFiles({ source, files: await Promise.all(files), loadedAt: options.loadedAt });
    }),
  );
}

async function obtain(options: {
  source: SourceNode;
  file: SourceFileSpec;
  location: SourceLocation;
  samples: Map<string, SampleFile[]>;
}): Promise<ObtainedFile> {
  const { source, file, location, samples } = options;
  if (location.obtainFromMirror) return location.obtainFromMirror({ source, file });
  if (location.data) {
    const path = join(location.data, file.fileName);
    if (!existsSync(path)) return { file, origin: path, error: `no file ${file.fileName} in ${location.data}.` };
    return { file, origin: path, bytes: new Uint8Array(readFileSync(path)) };
  }
  const name = typeof source.meta.sample === 'string' ? source.meta.sample : undefined;
  const generate = name ? SAMPLE_GENERATORS[name] : undefined;
  if (name && generate && !samples.has(name)) samples.set(name, generate());
  const sample = name ? samples.get(name)?.find((generated) => generated.fileName === file.fileName) : undefined;
  if (!sample)
    return {
      file,
      origin: 'sample',
      error: `there is no offline sample of ${file.fileName}: pass --data DIR with the file in it.`,
    };
  const bytes = typeof sample.content === 'string' ? new TextEncoder().encode(sample.content) : sample.content;
  return { file, origin: `sample:${file.fileName}`, bytes };
}
