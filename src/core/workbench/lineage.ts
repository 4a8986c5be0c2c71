import { ancestorsOf, descendantsOf, selectNodes, type SelectableNode } from '../graph/select-nodes.ts';
import { SAVED_QUERY_PREFIX } from '../metrics/metric-models.ts';
import type { ReportDocument } from '../report/parse-report.ts';

/** What a lineage node stands for; metrics are the saved-query models, reports the pages that read them. */
export type LineageKind = 'source' | 'seed' | 'model' | 'metric' | 'test' | 'report';

/** One node of the lineage graph. */
export interface LineageNode {
  /** The node's unique id; a report's is `report.<path>`. */
  id: string;
  label: string;
  kind: LineageKind;
  /** The file to open. */
  path: string;
  /** Unique ids it reads from. */
  dependsOn: string[];
}

/**
 * The whole lineage: sources → models → tests → metrics → reports. A report reads a node when one of its
 * queries names the node's relation after `from` or `join` (optionally schema-qualified or quoted).
 */
export function lineageGraph(options: {
  nodes: readonly SelectableNode[];
  /** Relation name of each node that builds one, by unique id. */
  relations: ReadonlyMap<string, string>;
  reports: readonly Pick<ReportDocument, 'path' | 'title' | 'queries'>[];
}): LineageNode[] {
  const graph: LineageNode[] = options.nodes.map((node) => ({
    id: node.uniqueId,
    label: node.name,
    kind: lineageKind(node),
    path: node.path,
    dependsOn: [...node.dependsOn],
  }));
  const byRelation = new Map([...options.relations].map(([id, relation]) => [relation.toLowerCase(), id]));
  for (const report of options.reports) {
    const reads = new Set<string>();
    for (const query of report.queries) {
      for (const relation of relationsNamed(query.sql)) {
        const id = byRelation.get(relation);
        if (id) reads.add(id);
      }
    }
    graph.push({
      id: `report.${report.path}`,
      label: report.title,
      kind: 'report',
      path: report.path,
      dependsOn: [...reads],
    });
  }
  return graph;
}

/** A node's kind in the lineage: saved queries are metrics; a snapshot draws as the model it is for refs. */
function lineageKind(node: SelectableNode): LineageKind {
  if (node.resourceType === 'snapshot') return 'model';
  return node.resourceType === 'model' && node.name.startsWith(SAVED_QUERY_PREFIX) ? 'metric' : node.resourceType;
}

/** Relation names a query reads: the last part of each name after `from` or `join`, lower-cased. */
export function relationsNamed(sql: string): string[] {
  const names = new Set<string>();
  const withoutComments = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  for (const match of withoutComments.matchAll(/\b(?:from|join)\s+((?:"[^"]+"|\w+)(?:\s*\.\s*(?:"[^"]+"|\w+))*)/gi)) {
    const parts = (match[1] ?? '').split('.').map((part) => part.trim().replace(/^"|"$/g, ''));
    const last = parts.at(-1);
    if (last) names.add(last.toLowerCase());
  }
  return [...names];
}

/** The node, everything upstream of it and everything downstream of it. */
export function neighbourhood(graph: readonly LineageNode[], id: string): LineageNode[] {
  const nodes = graph.map((node) => ({ uniqueId: node.id, dependsOn: node.dependsOn }));
  const keep = new Set([id, ...ancestorsOf(nodes, [id]), ...descendantsOf(nodes, [id])]);
  return graph.filter((node) => keep.has(node.id));
}

/**
 * The nodes a dbt selector picks (`+dim__school`, `tag:marts`, `path:models/staging` …), with the reports
 * that read them; a blank selector keeps everything. Tests come with the nodes they test, as in dbt.
 */
export function filterLineage(
  graph: readonly LineageNode[],
  nodes: readonly SelectableNode[],
  select: string,
): { graph: LineageNode[]; errors: string[] } {
  if (!select.trim()) return { graph: [...graph], errors: [] };
  const result = selectNodes({ nodes, select });
  if (result.errors.length > 0) return { graph: [...graph], errors: result.errors };
  return {
    graph: graph.filter(
      (node) =>
        result.selected.has(node.id) ||
        (node.kind === 'report' && node.dependsOn.some((id) => result.selected.has(id))),
    ),
    errors: [],
  };
}
