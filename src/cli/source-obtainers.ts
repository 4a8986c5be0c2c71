import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ObtainedSourceFile, SourceObtainer } from '../core/build/source-obtainer.ts';
import { sampleGenerators } from '../sample/registry.ts';
import type { SampleFile } from '../sample/sample-file.ts';

/**
 * `--data DIR`: each file by its name in DIR, fetched (as far as anyone can tell) when it was last written. A missing file is an error for its source: the sample is
 * never substituted silently.
 */
export function folderObtainer(folder: string): SourceObtainer {
  return {
    obtain: async ({ file }) => {
      const path = join(folder, file.fileName);
      if (!existsSync(path)) return { file, origin: path, error: `no file ${file.fileName} in ${folder}.` };
      // The file's modification time stands for when it was fetched (what `source freshness` checks).
      const fetchedAt = statSync(path).mtime.toISOString();
      return { file, origin: path, bytes: new Uint8Array(readFileSync(path)), fetchedAt };
    },
  };
}

/**
 * Source files from the generated offline sample (deterministic: the same files the browser bundles). One
 * generator makes all of a dataset's files (RAM's six years, enrolments' four resources), so each runs once
 * per obtainer. `scale` makes every per-school dataset that many times bigger (load tests; see scale-sample.ts).
 */
export function sampleObtainer(options: { scale?: number } = {}): SourceObtainer {
  const generators = sampleGenerators(options.scale ?? 1);
  const generated = new Map<string, SampleFile[]>();
  return {
    obtain: async ({ source, file }): Promise<ObtainedSourceFile> => {
      const name = typeof source.meta.sample === 'string' ? source.meta.sample : undefined;
      const generate = name ? generators[name] : undefined;
      if (name && generate && !generated.has(name)) generated.set(name, generate());
      const sample = name ? generated.get(name)?.find((candidate) => candidate.fileName === file.fileName) : undefined;
      if (!sample)
        return {
          file,
          origin: 'sample',
          error: `there is no offline sample of ${file.fileName}: pass --data DIR with the file in it.`,
        };
      const bytes = typeof sample.content === 'string' ? new TextEncoder().encode(sample.content) : sample.content;
      return { file, origin: `sample:${file.fileName}`, bytes };
    },
  };
}
