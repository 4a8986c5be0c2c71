import { describe, expect, it } from 'vitest';
import type { ProjectNode } from '../../core/project/types.ts';
import { lineageSelector, queryUpstream } from './lineage-selector.ts';

/** Just enough of a node for lineage: its id, name, relation, parents and documented columns. */
function node(
  resourceType: 'source' | 'model',
  name: string,
  dependsOn: string[] = [],
  columns: Record<string, { calculatedFrom?: string[] }> = {},
): ProjectNode {
  return {
    resourceType,
    uniqueId: `${resourceType}.p.${name}`,
    name,
    sourceName: 'src',
    relation: name,
    path: `models/${name}.sql`,
    dependsOn,
    columns: Object.fromEntries(
      Object.entries(columns).map(([column, info]) => [
        column,
        { name: column, description: `${column} means…`, ...info },
      ]),
    ),
  } as unknown as ProjectNode;
}

const nodes = [
  node('source', 'raw_a'),
  node('source', 'raw_b'),
  node('model', 'stg_a', ['source.p.raw_a']),
  node('model', 'stg_b', ['source.p.raw_b']),
  node('model', 'fct_a', ['model.p.stg_a']),
  node('model', 'fct_b', ['model.p.stg_b']),
  node('model', 'metrics__by_year', ['model.p.fct_a', 'model.p.fct_b'], {
    a_count: { calculatedFrom: ['fct_a'] },
    a_count_previous_year: { calculatedFrom: ['fct_a'] },
    b_total: { calculatedFrom: ['fct_b'] },
    calendar_year: {},
  }),
];

describe('queryUpstream', () => {
  it('traces a metrics table through the metrics the query names, not every fact it reads', () => {
    const traced = queryUpstream({
      sql: 'select calendar_year, a_count as value, a_count - a_count_previous_year from metrics__by_year',
      nodes,
    });
    expect(traced.nodes.map((n) => n.name)).toEqual(['raw_a', 'stg_a', 'fct_a', 'metrics__by_year']);
    expect(traced.metrics.map((m) => m.name)).toEqual(['a_count', 'a_count_previous_year']);
    expect(traced.metrics[0]?.description).toBe('a_count means…');
  });

  it('traces a plain model through everything upstream of it, sources first', () => {
    const traced = queryUpstream({ sql: 'select * from fct_b join stg_a using (id)', nodes });
    expect(traced.nodes.map((n) => n.name)).toEqual(['raw_a', 'raw_b', 'stg_a', 'stg_b', 'fct_b']);
    expect(traced.metrics).toEqual([]);
  });

  it('finds nothing for a query that reads no node', () => {
    expect(queryUpstream({ sql: 'select 1', nodes })).toEqual({ nodes: [], metrics: [] });
    expect(lineageSelector({ sql: 'select 1', nodes })).toBe('');
  });
});
