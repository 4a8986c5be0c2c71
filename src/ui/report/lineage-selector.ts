import { ancestorsOf } from '../../core/graph/select-nodes.ts';
import type { ProjectNode } from '../../core/project/types.ts';
import { relationsNamed } from '../../core/workbench/lineage.ts';

/** The models, seeds and sources whose relations a report query names. */
function nodesRead(options: { sql: string; nodes: Iterable<ProjectNode> }): ProjectNode[] {
  const read = new Set(relationsNamed(options.sql));
  if (read.size === 0) return [];
  return [...options.nodes].filter((node) => 'relation' in node && read.has(node.relation.toLowerCase()));
}

/**
 * The dbt selector for the lineage of a report query: `+name` for each model, seed or source whose relation
 * the query reads (space-separated, dbt's union), or '' when it reads none of them.
 */
export function lineageSelector(options: { sql: string; nodes: Iterable<ProjectNode> }): string {
  const names = nodesRead(options).map((node) =>
    node.resourceType === 'source' ? `source:${node.sourceName}.${node.name}` : `+${node.name}`,
  );
  return [...new Set(names)].sort().join(' ');
}

/**
 * Everything a report query is calculated from: the nodes it reads and all their upstream models, seeds and
 * sources (not tests), sources first and each node after everything it reads (fewer ancestors first).
 */
export function queryUpstream(options: { sql: string; nodes: Iterable<ProjectNode> }): ProjectNode[] {
  const all = [...options.nodes];
  const byId = new Map(all.map((node) => [node.uniqueId, node]));
  const read = nodesRead({ sql: options.sql, nodes: all });
  const ids = new Set([
    ...read.map((node) => node.uniqueId),
    ...ancestorsOf(
      all,
      read.map((node) => node.uniqueId),
    ),
  ]);
  const chain = [...ids].flatMap((id) => {
    const node = byId.get(id);
    return node && node.resourceType !== 'test' ? [node] : [];
  });
  const depth = new Map(chain.map((node) => [node.uniqueId, ancestorsOf(all, [node.uniqueId]).size]));
  return chain.sort(
    (a, b) => (depth.get(a.uniqueId) ?? 0) - (depth.get(b.uniqueId) ?? 0) || a.name.localeCompare(b.name),
  );
}
