import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSourceLoad, type BuildStep } from '../core/plan/build-plan.ts';
import type { SourceNode } from '../core/project/types.ts';
import { SAMPLE_GENERATORS } from '../core/sample/registry.ts';

/**
 * Plan loading each source the build needs. With `--data DIR` a source is read from DIR by its file name
 * (`meta.file`, else `<identifier>.csv`) and a missing file is an error for that source: the sample is
 * never substituted silently. Without it, the source's offline sample (`meta.sample`) is generated.
 */
export function planSourceLoads(options: {
  sources: readonly SourceNode[];
  data: string | undefined;
  loadedAt: string;
}): BuildStep[] {
  return options.sources.map((source) => {
    const fileName = typeof source.meta.file === 'string' ? source.meta.file : `${source.relation}.csv`;
    if (options.data) {
      const path = join(options.data, fileName);
      if (!existsSync(path)) {
        return planSourceLoad({
          source,
          origin: path,
          loadedAt: options.loadedAt,
          error: `No file ${fileName} in ${options.data} for source ${source.sourceName}.${source.name}.`,
        });
      }
      return planSourceLoad({
        source,
        csv: stripBom(readFileSync(path, 'utf8')),
        origin: path,
        loadedAt: options.loadedAt,
      });
    }
    const generate = typeof source.meta.sample === 'string' ? SAMPLE_GENERATORS[source.meta.sample] : undefined;
    if (!generate) {
      return planSourceLoad({
        source,
        origin: 'none',
        loadedAt: options.loadedAt,
        error: `Source ${source.sourceName}.${source.name} has no sample data: pass --data DIR with ${fileName} in it.`,
      });
    }
    const sample = generate().find((file) => file.fileName === fileName);
    return planSourceLoad({
      source,
      csv: typeof sample?.content === 'string' ? sample.content : undefined,
      origin: `sample:${String(source.meta.sample)}`,
      loadedAt: options.loadedAt,
    });
  });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
