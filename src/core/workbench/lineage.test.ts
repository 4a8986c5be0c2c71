import { describe, expect, it } from 'vitest';
import { selectableNodes } from '../graph/selectable-nodes.ts';
import { loadProject } from '../load-project.ts';
import { parseReport } from '../report/parse-report.ts';
import { layoutLineage } from './layout-lineage.ts';
import { filterLineage, lineageGraph, neighbourhood, relationsNamed, type LineageNode } from './lineage.ts';
import { syntheticLineage } from './synthetic-lineage.ts';

const { project, errors } = loadProject({
  files: [
    { path: 'dbt_project.yml', content: 'name: shop\n' },
    { path: 'models/staging/_sources.yml', content: 'sources:\n  - name: raw\n    tables:\n      - name: orders\n' },
    { path: 'models/staging/stg_orders.sql', content: "select * from {{ source('raw', 'orders') }}" },
    { path: 'models/staging/stg_customers.sql', content: 'select 1 as id' },
    {
      path: 'models/staging/_stg.yml',
      content: 'models:\n  - name: stg_orders\n    columns:\n      - name: id\n        data_tests: [unique]\n',
    },
    { path: 'models/marts/orders.sql', content: "{{ config(tags=['marts']) }} select * from {{ ref('stg_orders') }}" },
    { path: 'models/metrics/metrics__by_month.sql', content: "select * from {{ ref('orders') }}" },
  ],
});
const nodes = selectableNodes(project);
const relations = new Map(
  [...project.nodes.values()].flatMap((node) => ('relation' in node ? [[node.uniqueId, node.relation] as const] : [])),
);
const report = parseReport({
  path: 'reports/orders.md',
  source: '# Orders\n\n```sql monthly\nselect * from "main"."metrics__by_month" -- from stg_customers\n```\n',
});
const graph = lineageGraph({ nodes, relations, reports: [report] });
const byLabel = (label: string) => graph.find((node) => node.label === label);

describe('lineageGraph', () => {
  it('joins sources, models, tests, metrics and the reports that read them', () => {
    expect(errors).toEqual([]);
    expect(graph.find((node) => node.id === 'model.shop.orders')?.kind).toBe('model');
    expect(graph.find((node) => node.id === 'source.shop.raw.orders')?.kind).toBe('source');
    expect(byLabel('metrics__by_month')?.kind).toBe('metric');
    expect(graph.find((node) => node.kind === 'test')?.dependsOn).toEqual(['model.shop.stg_orders']);
    expect(byLabel('stg_orders')?.dependsOn).toEqual(['source.shop.raw.orders']);
    expect(byLabel('Orders')).toEqual({
      id: 'report.reports/orders.md',
      label: 'Orders',
      kind: 'report',
      path: 'reports/orders.md',
      dependsOn: ['model.shop.metrics__by_month'],
    });
  });

  it('reads relation names after from and join, qualified or quoted, comments ignored', () => {
    expect(relationsNamed('select * from main.a join "Main"."B" on true left join c using (id) /* from d */')).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('neighbourhood and filterLineage', () => {
  it("keeps a node's upstream and downstream only", () => {
    expect(neighbourhood(graph, 'model.shop.orders').map((node) => node.id)).toEqual([
      'source.shop.raw.orders',
      'model.shop.stg_orders',
      'model.shop.orders',
      'model.shop.metrics__by_month',
      'report.reports/orders.md',
    ]);
    expect(neighbourhood(graph, 'model.shop.stg_customers').map((node) => node.label)).toEqual(['stg_customers']);
  });

  it('filters by a dbt selector, keeping the reports that read what is selected, and names a bad selector', () => {
    expect(filterLineage(graph, nodes, 'tag:marts+').graph.map((node) => node.label)).toEqual([
      'orders',
      'metrics__by_month',
      'Orders',
    ]);
    expect(filterLineage(graph, nodes, '').graph).toHaveLength(graph.length);
    const bad = filterLineage(graph, nodes, 'colour:red');
    expect(bad.errors[0]).toMatch(/colour/);
    expect(bad.graph).toHaveLength(graph.length);
  });
});

describe('layoutLineage', () => {
  it('lays every upstream node left of what reads it, with an edge per dependency', () => {
    const layout = layoutLineage(graph);
    const x = new Map(layout.nodes.map((node) => [node.id, node.x]));
    const edges = graph.flatMap((node) => node.dependsOn.map((parent) => [parent, node.id] as const));
    expect(layout.edges).toHaveLength(edges.length);
    for (const [parent, child] of edges) expect(x.get(parent) ?? Infinity).toBeLessThan(x.get(child) ?? -Infinity);
    expect(layout.width).toBeGreaterThan(0);
    for (const edge of layout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });

  it('never overlaps two boxes of a column, and keeps every box inside the drawing', () => {
    const layout = layoutLineage(syntheticLineage(500));
    for (const x of new Set(layout.nodes.map((node) => node.x))) {
      const sorted = layout.nodes.filter((node) => node.x === x).sort((a, b) => a.y - b.y);
      for (let index = 1; index < sorted.length; index++)
        expect(sorted[index]!.y - sorted[index - 1]!.y).toBeGreaterThanOrEqual(sorted[index]!.height - 1e-6);
    }
    for (const node of layout.nodes) {
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0);
      expect(node.y - node.height / 2).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width / 2).toBeLessThanOrEqual(layout.width);
      expect(node.y + node.height / 2).toBeLessThanOrEqual(layout.height);
    }
  });

  it('lays out a graph with a cycle (a bad edit) instead of hanging, with every node and edge', () => {
    const node = (id: string, dependsOn: string[]): LineageNode => ({
      id,
      label: id,
      kind: 'model',
      path: `${id}.sql`,
      dependsOn,
    });
    const layout = layoutLineage([node('a', ['c']), node('b', ['a']), node('c', ['b']), node('d', ['c', 'missing'])]);
    expect(layout.nodes.map((placed) => placed.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(layout.edges).toHaveLength(4);
    const x = new Map(layout.nodes.map((placed) => [placed.id, placed.x]));
    expect(x.get('c')).toBeLessThan(x.get('d')!);
  });
});
