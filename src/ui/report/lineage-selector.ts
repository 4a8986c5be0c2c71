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

/** A metric a report query reads, with its definition from the semantic layer. */
export interface MetricRead {
  name: string;
  description: string;
}

/**
 * Everything a report query is calculated from: the nodes it reads and all their upstream models, seeds and
 * sources (not tests), sources first and each node after everything it reads (fewer ancestors first). A
 * query over a metrics table is traced through the metrics it names: only the facts those metrics aggregate
 * (and what is upstream of them) count, not every fact the saved query reads.
 */
export function queryUpstream(options: { sql: string; nodes: Iterable<ProjectNode> }): {
  nodes: ProjectNode[];
  metrics: MetricRead[];
} {
  const all = [...options.nodes];
  const byName = new Map(all.map((node) => [node.name, node]));
  const words = new Set(options.sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  const metrics: MetricRead[] = [];
  /** Nodes whose upstream counts in full. */
  const traced: string[] = [];
  /** Metrics tables read through some of their metrics: shown, but traced through those metrics' facts. */
  const metricTables = new Set<string>();
  for (const node of nodesRead({ sql: options.sql, nodes: all })) {
    const named = Object.values('columns' in node ? node.columns : {}).filter(
      (column) => column.calculatedFrom && words.has(column.name.toLowerCase()),
    );
    if (named.length === 0) {
      traced.push(node.uniqueId);
      continue;
    }
    metricTables.add(node.uniqueId);
    metrics.push(...named.map((column) => ({ name: column.name, description: column.description })));
    for (const model of named.flatMap((column) => column.calculatedFrom ?? [])) {
      const fact = byName.get(model);
      if (fact) traced.push(fact.uniqueId);
    }
  }
  const ids = new Set([...traced, ...metricTables, ...ancestorsOf(all, traced)]);
  const chain = all.filter((node) => ids.has(node.uniqueId) && node.resourceType !== 'test');
  const depth = new Map(chain.map((node) => [node.uniqueId, ancestorsOf(all, [node.uniqueId]).size]));
  const last = (node: ProjectNode) => Number(metricTables.has(node.uniqueId));
  return {
    // Sources first, each node after what it reads; a metrics table last, after the facts it is built from.
    nodes: chain.sort(
      (a, b) =>
        last(a) - last(b) ||
        (depth.get(a.uniqueId) ?? 0) - (depth.get(b.uniqueId) ?? 0) ||
        a.name.localeCompare(b.name),
    ),
    metrics: [...new Map(metrics.map((metric) => [metric.name, metric])).values()],
  };
}
