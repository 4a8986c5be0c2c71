import dagre from '@dagrejs/dagre';
import type { LineageNode } from './lineage.ts';

// Apart from lineage.ts so that what only reads the graph (a report's "upstream" selector) does not bring
// dagre into the page's first script: the layout is for the Lineage page and the workbench, loaded later.

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
