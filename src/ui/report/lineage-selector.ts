import type { ProjectNode } from '../../core/project/types.ts';
import { relationsNamed } from '../../core/workbench/lineage.ts';

/**
 * The dbt selector for the lineage of a report query: `+name` for each model, seed or source whose relation
 * the query reads (space-separated, dbt's union), or '' when it reads none of them.
 */
export function lineageSelector(options: { sql: string; nodes: Iterable<ProjectNode> }): string {
  const read = new Set(relationsNamed(options.sql));
  if (read.size === 0) return '';
  const names: string[] = [];
  for (const node of options.nodes) {
    if (!('relation' in node) || !read.has(node.relation.toLowerCase())) continue;
    names.push(node.resourceType === 'source' ? `source:${node.sourceName}.${node.name}` : `+${node.name}`);
  }
  return [...new Set(names)].sort().join(' ');
}
