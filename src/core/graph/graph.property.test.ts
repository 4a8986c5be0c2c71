import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, descendantsOf, selectNodes, type SelectableNode } from './select-nodes.ts';
import { topoSort } from './topo-sort.ts';

/** A random DAG: edges only go from a lower to a higher index, then ids are shuffled so their order means nothing. */
interface Dag {
  nodes: SelectableNode[];
  /** `[parent, child]` pairs. */
  edges: [string, string][];
}

const dagArbitrary: fc.Arbitrary<Dag> = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc
    .record({
      names: fc.shuffledSubarray(
        Array.from({ length: size }, (_, index) => `n${index}`),
        { minLength: size, maxLength: size },
      ),
      pairs: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
    })
    .map(({ names, pairs }) => {
      const idAt = (index: number) => `model.p.${names[index] as string}`;
      const edges = new Map<string, [string, string]>();
      for (const [a, b] of pairs) {
        if (a !== b) edges.set(`${Math.min(a, b)}>${Math.max(a, b)}`, [idAt(Math.min(a, b)), idAt(Math.max(a, b))]);
      }
      const nodes = names
        .map((name, index) => ({
          uniqueId: idAt(index),
          name,
          resourceType: 'model' as const,
          path: `models/${name}.sql`,
          tags: [],
          dependsOn: [...edges.values()].filter(([, child]) => child === idAt(index)).map(([parent]) => parent),
          checksum: '',
        }))
        .sort((a, b) => a.uniqueId.localeCompare(b.uniqueId));
      return { nodes, edges: [...edges.values()] };
    }),
);

/** A naive reference: follow edges one generation at a time, remembering what was seen. */
function reachable(dag: Dag, start: string, direction: 'up' | 'down', depth = Infinity): Set<string> {
  const seen = new Set<string>();
  let frontier = new Set([start]);
  for (let generation = 0; generation < depth && frontier.size > 0; generation++) {
    const next = new Set<string>();
    for (const [parent, child] of dag.edges) {
      const [from, to] = direction === 'up' ? [child, parent] : [parent, child];
      if (frontier.has(from) && !seen.has(to)) next.add(to);
    }
    next.forEach((id) => seen.add(id));
    frontier = next;
  }
  return seen;
}

const toGraph = (nodes: readonly SelectableNode[]) =>
  nodes.map((node) => ({ id: node.uniqueId, dependsOn: node.dependsOn }));
const sorted = (ids: Iterable<string>) => [...ids].sort();
const options = { seed: 42, numRuns: 200 };

describe('graph properties', () => {
  it('topoSort returns every node, each after all of its parents', () => {
    fc.assert(
      fc.property(dagArbitrary, (dag) => {
        const result = topoSort(toGraph(dag.nodes));
        if (!result.ok) throw new Error(`unexpected cycle ${result.cycle.join(' → ')}`);
        expect(sorted(result.order)).toEqual(sorted(dag.nodes.map((node) => node.uniqueId)));
        const position = new Map(result.order.map((id, index) => [id, index]));
        for (const [parent, child] of dag.edges) expect(position.get(parent)).toBeLessThan(position.get(child) ?? -1);
      }),
      options,
    );
  });

  it('+x and x+ select exactly x and its ancestors or descendants, at any depth', () => {
    const withPick = dagArbitrary.chain((dag) =>
      fc.record({ dag: fc.constant(dag), pick: fc.nat(dag.nodes.length - 1), depth: fc.nat(4) }),
    );
    fc.assert(
      fc.property(withPick, ({ dag, pick, depth }) => {
        const x = dag.nodes[pick] as SelectableNode;
        const select = (selector: string) => sorted(selectNodes({ nodes: dag.nodes, select: selector }).selected);
        const up = reachable(dag, x.uniqueId, 'up');
        const down = reachable(dag, x.uniqueId, 'down');
        expect(select(`+${x.name}`)).toEqual(sorted([x.uniqueId, ...up]));
        expect(select(`${x.name}+`)).toEqual(sorted([x.uniqueId, ...down]));
        expect(select(`${depth}+${x.name}`)).toEqual(sorted([x.uniqueId, ...reachable(dag, x.uniqueId, 'up', depth)]));
        expect(select(`${x.name}+${depth}`)).toEqual(
          sorted([x.uniqueId, ...reachable(dag, x.uniqueId, 'down', depth)]),
        );
        expect(sorted(ancestorsOf(dag.nodes, [x.uniqueId]))).toEqual(sorted(up));
        expect(sorted(descendantsOf(dag.nodes, [x.uniqueId]))).toEqual(sorted(down));
      }),
      options,
    );
  });

  it('a back-edge makes topoSort report a real cycle', () => {
    // Make `from` depend on one of its own descendants (or itself), which always closes a cycle.
    const withBackEdge = dagArbitrary.chain((dag) =>
      fc.record({ dag: fc.constant(dag), pick: fc.nat(dag.nodes.length - 1), target: fc.nat(1000) }),
    );
    fc.assert(
      fc.property(withBackEdge, ({ dag, pick, target }) => {
        const from = (dag.nodes[pick] as SelectableNode).uniqueId;
        const candidates = sorted([from, ...reachable(dag, from, 'down')]);
        const to = candidates[target % candidates.length] as string;
        const nodes = dag.nodes.map((node) =>
          node.uniqueId === from ? { ...node, dependsOn: [...node.dependsOn, to] } : node,
        );
        const result = topoSort(toGraph(nodes));
        if (result.ok) throw new Error(`no cycle found after ${from} started depending on ${to}`);
        const { cycle } = result;
        expect(cycle.length).toBeGreaterThanOrEqual(2);
        expect(cycle[0]).toBe(cycle.at(-1));
        expect(new Set(cycle.slice(0, -1)).size).toBe(cycle.length - 1);
        const parentsOf = new Map(nodes.map((node) => [node.uniqueId, node.dependsOn]));
        for (let index = 1; index < cycle.length; index++) {
          expect(parentsOf.get(cycle[index] as string)).toContain(cycle[index - 1]);
        }
      }),
      options,
    );
  });
});
