import type { LineageNode } from './lineage.ts';

// Apart from lineage.ts so that what only reads the graph (a report's "upstream" selector) does not bring
// the layout into the page's first script: it is for the Lineage page and the workbench, loaded later.

/** A laid-out node: its centre, size and what it is. */
export interface PlacedNode extends LineageNode {
  /** Centre, left to right. */
  x: number;
  /** Centre, top to bottom. */
  y: number;
  /** Box width. */
  width: number;
  /** Box height. */
  height: number;
}

/** A laid-out lineage: left to right, upstream first. */
export interface LineageLayout {
  /** Every node of the graph, placed. */
  nodes: PlacedNode[];
  /** One per dependency inside the graph, as a polyline from the upstream node's right side to the reader's left. */
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
  /** The drawing's size, margins included. */
  width: number;
  /** The drawing's size, margins included. */
  height: number;
}

const NODE_HEIGHT = 26;
const NODE_GAP = 12;
const RANK_GAP = 60;
const MARGIN = 10;
/** Down-and-up sweeps of crossing reduction, then of straightening. */
const SWEEPS = 4;

/**
 * Lay the graph out left to right in layers (edges to nodes outside the graph are left out): a node's
 * column is one right of its furthest upstream node, pulled right next to what reads it; the order in each
 * column reduces crossings by barycentres (sweeps down and up); heights follow neighbours as closely as
 * boxes allow (least squares under the no-overlap order, by pooling adjacent violators).
 *
 * Our own rather than dagre's: dagre routes every long edge through a dummy node per column it crosses (a
 * 500-node project has ~1,300) and took 0.9–1.8 s on this machine for 500 nodes, past P6's 500 ms for
 * layout and drawing together; this takes a few milliseconds. The price: a long edge is one slanted line
 * that may pass behind the boxes of the columns it crosses (boxes are drawn over edges).
 */
export function layoutLineage(graph: readonly LineageNode[]): LineageLayout {
  const indexOf = new Map(graph.map((node, index) => [node.id, index]));
  const parents = graph.map((node, index) => [
    ...new Set(node.dependsOn.flatMap((id) => ((indexOf.get(id) ?? index) !== index ? [indexOf.get(id)!] : []))),
  ]);
  const children: number[][] = graph.map(() => []);
  parents.forEach((ups, child) => ups.forEach((parent) => children[parent]!.push(child)));
  const rank = rankNodes(parents, children);
  const columns: number[][] = [];
  rank.forEach((column, node) => (columns[column] ??= []).push(node));
  const ranks = Array.from(columns, (column) => column ?? []);
  const widths = graph.map((node) => Math.min(260, 28 + node.label.length * 7));
  const y = orderAndPlace(ranks, parents, children);

  const left: number[] = [];
  let x = MARGIN;
  for (const column of ranks) {
    left.push(x);
    x += Math.max(0, ...column.map((node) => widths[node]!)) + RANK_GAP;
  }
  const columnWidth = (column: number) => (left[column + 1] ?? x) - RANK_GAP - left[column]!;
  const top = Math.min(...y.map((centre) => centre - NODE_HEIGHT / 2)) - MARGIN;
  const nodes = graph.map((node, index) => ({
    ...node,
    x: left[rank[index]!]! + columnWidth(rank[index]!) / 2,
    y: y[index]! - top,
    width: widths[index]!,
    height: NODE_HEIGHT,
  }));
  const edges = parents.flatMap((ups, child) =>
    ups.map((parent) => ({
      from: graph[parent]!.id,
      to: graph[child]!.id,
      points: route(nodes[parent]!, nodes[child]!),
    })),
  );
  const height = Math.max(0, ...nodes.map((node) => node.y + NODE_HEIGHT / 2)) + MARGIN;
  return { nodes, edges, width: Math.max(x - RANK_GAP + MARGIN, 0), height: graph.length === 0 ? 0 : height };
}

/**
 * Columns: longest path from the sources (Kahn's order; nodes on a cycle, which a lineage should not have,
 * come after their placed parents), then each node with readers pulled right to one left of its nearest reader.
 */
function rankNodes(parents: number[][], children: number[][]): number[] {
  const rank = parents.map(() => 0);
  const waiting = parents.map((ups) => ups.length);
  const order = waiting.flatMap((count, node) => (count === 0 ? [node] : []));
  for (let at = 0; at < order.length || order.length < parents.length; at++) {
    if (at === order.length) order.push(waiting.findIndex((count) => count > 0)); // break a cycle
    const node = order[at]!;
    waiting[node] = -1;
    for (const child of children[node]!) {
      rank[child] = Math.max(rank[child]!, rank[node]! + 1);
      if (waiting[child]! > 0 && --waiting[child]! === 0) order.push(child);
    }
  }
  for (const node of [...order].reverse()) {
    const readers = children[node]!.filter((child) => rank[child]! > rank[node]!);
    if (readers.length > 0) rank[node] = Math.max(rank[node]!, Math.min(...readers.map((child) => rank[child]!)) - 1);
  }
  return rank;
}

/** Order each column by barycentres, then set every node's centre height; returns heights by node. */
function orderAndPlace(ranks: number[][], parents: number[][], children: number[][]): number[] {
  const position = parents.map(() => 0);
  const renumber = () =>
    ranks.forEach((column) => column.forEach((node, index) => (position[node] = (index + 0.5) / column.length)));
  renumber();
  const sortBy = (column: number[], neighbours: number[][]) => {
    const key = new Map(
      column.map((node) => [node, mean(neighbours[node]!.map((n) => position[n]!)) ?? position[node]!]),
    );
    column.sort((a, b) => key.get(a)! - key.get(b)!);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (const column of sweep % 2 === 0 ? ranks : [...ranks].reverse()) {
      sortBy(column, sweep % 2 === 0 ? parents : children);
      renumber();
    }
  }
  const step = NODE_HEIGHT + NODE_GAP;
  const y = parents.map(() => 0);
  for (const column of ranks) column.forEach((node, index) => (y[node] = (index - (column.length - 1) / 2) * step));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (const column of sweep % 2 === 0 ? ranks : [...ranks].reverse()) {
      const wanted = column.map(
        (node) => mean((sweep % 2 === 0 ? parents : children)[node]!.map((n) => y[n]!)) ?? y[node]!,
      );
      placeInOrder(wanted, step).forEach((centre, index) => (y[column[index]!] = centre));
    }
  }
  return y;
}

/**
 * Heights as near the wanted ones as possible (least squares) keeping the order and at least `step` apart.
 * With z_i = y_i − i·step the constraint is z non-decreasing: isotonic regression, solved by pooling
 * adjacent violators in one pass.
 */
function placeInOrder(wanted: number[], step: number): number[] {
  const blocks: { sum: number; count: number }[] = [];
  wanted.forEach((value, index) => {
    blocks.push({ sum: value - index * step, count: 1 });
    while (blocks.length > 1) {
      const last = blocks.at(-1)!;
      const before = blocks.at(-2)!;
      if (before.sum / before.count <= last.sum / last.count) break;
      blocks.pop();
      before.sum += last.sum;
      before.count += last.count;
    }
  });
  return blocks
    .flatMap((block) => Array<number>(block.count).fill(block.sum / block.count))
    .map((z, index) => z + index * step);
}

/** From the upstream box's right side, across the gap, to the reader's left side. */
function route(from: PlacedNode, to: PlacedNode): { x: number; y: number }[] {
  const start = { x: from.x + from.width / 2, y: from.y };
  const end = { x: to.x - to.width / 2, y: to.y };
  if (end.x <= start.x) return [start, end];
  const bend = Math.min(RANK_GAP / 2, (end.x - start.x) / 2);
  return [start, { x: start.x + bend, y: start.y }, { x: end.x - bend, y: end.y }, end];
}

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}
