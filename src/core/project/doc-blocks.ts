import { lineAt } from '../text/nearest.ts';
import type { ProjectError, ProjectFile } from './types.ts';

/**
 * Pull `{% docs name %}…{% enddocs %}` blocks out of markdown files, as dbt does before rendering anything
 * (dbt extracts top-level blocks first). The text inside is kept as written, trimmed.
 */
export function readDocBlocks(files: readonly ProjectFile[]): { docs: Map<string, string>; errors: ProjectError[] } {
  const docs = new Map<string, string>();
  const errors: ProjectError[] = [];
  const origin = new Map<string, string>();
  const pattern = /{%-?\s*docs\s+([A-Za-z_][A-Za-z0-9_]*)\s*-?%}([\s\S]*?){%-?\s*enddocs\s*-?%}/g;
  for (const file of files) {
    for (const match of file.content.matchAll(pattern)) {
      const [, name = '', body = ''] = match;
      const line = lineAt(file.content, match.index);
      const previous = origin.get(name);
      if (previous) {
        errors.push({
          path: file.path,
          line,
          message: `The doc block '${name}' is defined twice: here and in ${previous}.`,
        });
        continue;
      }
      origin.set(name, `${file.path}:${line}`);
      docs.set(name, body.trim());
    }
    const opened = (file.content.match(/{%-?\s*docs\s/g) ?? []).length;
    const closed = (file.content.match(/{%-?\s*enddocs\s*-?%}/g) ?? []).length;
    if (opened !== closed) {
      errors.push({ path: file.path, message: `A {% docs %} block is not closed with {% enddocs %}.` });
    }
  }
  return { docs, errors };
}
