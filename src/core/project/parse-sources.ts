import { LineCounter, parseDocument } from 'yaml';
import type { ProjectError, ProjectFile, SourceNode } from './types.ts';

/**
 * Read the `sources:` declarations of one YAML file (dbt's shape: a source has a name and tables; a table
 * may set `identifier`, the relation that holds its rows). The default relation follows our raw-layer
 * convention `raw__<source>__<table>`.
 */
export function parseSources(options: { file: ProjectFile; projectName: string }): {
  sources: SourceNode[];
  errors: ProjectError[];
} {
  const { file, projectName } = options;
  const lineCounter = new LineCounter();
  const document = parseDocument(file.content, { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      sources: [],
      errors: document.errors.map((error) => ({
        path: file.path,
        line: error.linePos?.[0]?.line,
        message: `Invalid YAML: ${error.message.split('\n')[0] ?? error.code}`,
      })),
    };
  }
  const root: unknown = document.toJS();
  const declared = (root as { sources?: unknown } | null)?.sources;
  if (declared === undefined) return { sources: [], errors: [] };
  if (!Array.isArray(declared)) {
    return { sources: [], errors: [{ path: file.path, message: '`sources` must be a list of sources.' }] };
  }
  const sources: SourceNode[] = [];
  const errors: ProjectError[] = [];
  for (const source of declared as Array<Record<string, unknown>>) {
    const sourceName = typeof source.name === 'string' ? source.name : undefined;
    if (!sourceName) {
      errors.push({ path: file.path, message: 'A source has no `name`.' });
      continue;
    }
    for (const table of (Array.isArray(source.tables) ? source.tables : []) as Array<Record<string, unknown>>) {
      if (typeof table.name !== 'string') {
        errors.push({ path: file.path, message: `A table of source '${sourceName}' has no \`name\`.` });
        continue;
      }
      sources.push({
        uniqueId: `source.${projectName}.${sourceName}.${table.name}`,
        sourceName,
        name: table.name,
        identifier: typeof table.identifier === 'string' ? table.identifier : `raw__${sourceName}__${table.name}`,
        path: file.path,
        description: typeof table.description === 'string' ? table.description : '',
      });
    }
  }
  return { sources, errors };
}
