import dagre from '@dagrejs/dagre';
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
    kind: node.resourceType === 'model' && node.name.startsWith(SAVED_QUERY_PREFIX) ? 'metric' : node.resourceType,
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

/** A laid-out node: its centre, size and what it is. */
export interface PlacedNode extends LineageNode {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A laid-out lineage: left to right, upstream first. */
export interface LineageLayout {
  nodes: PlacedNode[];
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
  width: number;
  height: number;
}

/** The largest graph whose crossings dagre minimises (see layoutLineage). */
export const TIDY_ORDER_LIMIT = 400;

/**
 * Lay the graph out left to right with dagre (edges to nodes outside the graph are left out). Ranks come
 * from dagre's tight-tree ranker: on a 500-node project its default, network simplex, takes about 2 s, and
 * tight-tree about a tenth of that, with the same left-to-right reading. Past `TIDY_ORDER_LIMIT` nodes
 * dagre's crossing-minimisation sweeps (about half of what is left) are skipped: the order is then dagre's
 * first, depth-first one, with more crossings, and a 500-node project is drawn within its 500 ms
 * (`npm run bench`, P6).
 */
export function layoutLineage(graph: readonly LineageNode[]): LineageLayout {
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'LR', ranker: 'tight-tree', nodesep: 12, ranksep: 60, marginx: 10, marginy: 10 });
  layout.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(graph.map((node) => node.id));
  for (const node of graph) layout.setNode(node.id, { width: Math.min(260, 28 + node.label.length * 7), height: 26 });
  for (const node of graph) {
    for (const parent of node.dependsOn) if (ids.has(parent)) layout.setEdge(parent, node.id);
  }
  dagre.layout(layout, { disableOptimalOrderHeuristic: graph.length > TIDY_ORDER_LIMIT });
  const nodes = graph.map((node) => {
    const placed = layout.node(node.id);
    return { ...node, x: placed.x, y: placed.y, width: placed.width, height: placed.height };
  });
  const edges = layout.edges().map((edge) => ({ from: edge.v, to: edge.w, points: layout.edge(edge).points ?? [] }));
  const size = layout.graph();
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0 };
}
