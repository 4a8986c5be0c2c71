/** A node of a dependency graph: its id and the ids it depends on. */
export interface GraphNode {
  /** Unique id, e.g. `model.nsw.dim__school`. */
  id: string;
  /** Ids this node reads from. Ids not in the graph are ignored (sources are resolved elsewhere). */
  dependsOn: readonly string[];
}

/** The result of ordering a graph. */
export type TopoResult =
  | { ok: true; order: string[] }
  | {
      ok: false;
      /** One cycle, as the ids along it, the first id repeated at the end (`a → b → a`). */
      cycle: string[];
    };

/**
 * Order nodes so every node comes after everything it depends on (Kahn's algorithm). Ties are broken
 * by id, so the same project always builds in the same order. When there is a cycle, one is returned in
 * full so the error can name every node on it.
 */
export function topoSort(nodes: readonly GraphNode[]): TopoResult {
  const ids = new Set(nodes.map((node) => node.id));
  const indegree = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    const parents = [...new Set(node.dependsOn)].filter((id) => ids.has(id));
    indegree.set(node.id, parents.length);
    for (const parent of parents) children.set(parent, [...(children.get(parent) ?? []), node.id]);
  }
  const ready = [...ids].filter((id) => indegree.get(id) === 0).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const child of children.get(id) ?? []) {
      const remaining = (indegree.get(child) ?? 0) - 1;
      indegree.set(child, remaining);
      if (remaining === 0) insertSorted(ready, child);
    }
  }
  if (order.length === ids.size) return { ok: true, order };
  return { ok: false, cycle: findCycle(nodes, new Set(order)) };
}

function insertSorted(list: string[], id: string): void {
  const at = list.findIndex((other) => other > id);
  if (at === -1) list.push(id);
  else list.splice(at, 0, id);
}

/** Walk parents among the unordered nodes until one repeats; every such walk ends on a cycle. */
function findCycle(nodes: readonly GraphNode[], ordered: ReadonlySet<string>): string[] {
  const parentsOf = new Map(nodes.map((node) => [node.id, node.dependsOn.filter((id) => !ordered.has(id))]));
  const start = [...parentsOf.keys()].filter((id) => !ordered.has(id)).sort()[0] as string;
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let current = start;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    const next = (parentsOf.get(current) ?? []).filter((id) => parentsOf.has(id)).sort()[0];
    if (next === undefined) break;
    current = next;
  }
  // The walk followed parents (child → parent); report it in build direction (parent → child).
  const cycle = path.slice(seenAt.get(current) ?? 0).reverse();
  return [...cycle, cycle[0] as string];
}
