import { describe, expect, it } from 'vitest';
import { layoutLineage } from './layout-lineage.ts';
import { syntheticLineage } from './synthetic-lineage.ts';

describe('syntheticLineage', () => {
  it('makes exactly the nodes asked for, every layer, edges only to earlier nodes', () => {
    const graph = syntheticLineage(500);
    expect(graph).toHaveLength(500);
    expect(new Set(graph.map((node) => node.id)).size).toBe(500);
    expect(new Set(graph.map((node) => node.kind))).toEqual(new Set(['source', 'model', 'test', 'metric', 'report']));
    const seen = new Set<string>();
    for (const node of graph) {
      for (const parent of node.dependsOn) expect(seen.has(parent), `${node.id} reads ${parent}`).toBe(true);
      if (node.kind !== 'source') expect(node.dependsOn.length).toBeGreaterThan(0);
      seen.add(node.id);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(syntheticLineage(120, 7)).toEqual(syntheticLineage(120, 7));
    expect(syntheticLineage(120, 7)).not.toEqual(syntheticLineage(120, 8));
  });

  it('lays out with every edge drawn', () => {
    const graph = syntheticLineage(200);
    const layout = layoutLineage(graph);
    expect(layout.nodes).toHaveLength(200);
    expect(layout.edges).toHaveLength(graph.reduce((sum, node) => sum + node.dependsOn.length, 0));
  });
});
