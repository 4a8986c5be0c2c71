import type { LineageKind, LineageNode } from './lineage.ts';

/** How a generated project of `size` nodes is split between the layers of a dbt project. */
const LAYERS: { kind: LineageKind; prefix: string; share: number; parents: [number, number] }[] = [
  { kind: 'source', prefix: 'src', share: 0.08, parents: [0, 0] },
  { kind: 'model', prefix: 'stg', share: 0.24, parents: [1, 1] },
  { kind: 'model', prefix: 'int', share: 0.2, parents: [1, 3] },
  { kind: 'model', prefix: 'fct', share: 0.14, parents: [2, 5] },
  { kind: 'test', prefix: 'test', share: 0.22, parents: [1, 1] },
  { kind: 'metric', prefix: 'metric', share: 0.08, parents: [1, 2] },
  { kind: 'report', prefix: 'report', share: 0.04, parents: [2, 6] },
];

/**
 * A realistic generated lineage of exactly `size` nodes for benchmarks: sources, staging on one source each,
 * intermediate and mart models on several models of the layers above, tests on models, metrics on marts and
 * reports reading metrics and marts. Deterministic for a seed (a small xorshift generator).
 */
export function syntheticLineage(size: number, seed = 1): LineageNode[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const counts = LAYERS.map((layer) => Math.max(1, Math.round(layer.share * size)));
  counts[2] = (counts[2] ?? 0) + size - counts.reduce((sum, count) => sum + count, 0);
  const nodes: LineageNode[] = [];
  const layers: LineageNode[][] = [];
  LAYERS.forEach((layer, index) => {
    // Where a layer's parents come from: staging reads sources, tests read models, and so on.
    const pool =
      index === 1
        ? (layers[0] ?? [])
        : index === 4 || index === 2
          ? layers.slice(1, index).flat()
          : index === 3
            ? layers.slice(1, 3).flat()
            : index === 5
              ? (layers[3] ?? [])
              : [...(layers[3] ?? []), ...(layers[5] ?? [])];
    const made: LineageNode[] = [];
    for (let n = 0; n < (counts[index] ?? 0); n++) {
      const [least, most] = layer.parents;
      const wanted = least + Math.floor(random() * (most - least + 1));
      const parents = new Set<string>();
      while (pool.length > 0 && parents.size < Math.min(wanted, pool.length)) parents.add(pick(pool).id);
      const name = `${layer.prefix}_${String(n).padStart(3, '0')}`;
      const id = layer.kind === 'report' ? `report.reports/${name}.md` : `${layer.kind}.bench.${name}`;
      made.push({
        id,
        label: name,
        kind: layer.kind,
        path: layer.kind === 'report' ? `reports/${name}.md` : `models/${layer.prefix}/${name}.sql`,
        dependsOn: [...parents],
      });
    }
    layers.push(made);
    nodes.push(...made);
  });
  return nodes;
}
