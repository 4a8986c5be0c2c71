import { describe, expect, it } from 'vitest';
import { selectableNodes } from '../graph/selectable-nodes.ts';
import { loadProject } from '../load-project.ts';
import type { ProjectFile } from '../project/types.ts';
import { nodeStatus, planRebuild } from './plan-rebuild.ts';
import { projectTree } from './project-tree.ts';

const FILES: ProjectFile[] = [
  { path: 'dbt_project.yml', content: 'name: shop\n' },
  {
    path: 'models/staging/_sources.yml',
    content:
      'sources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n            data_tests: [not_null]\n',
  },
  { path: 'models/staging/stg_orders.sql', content: "select * from {{ source('raw', 'orders') }}" },
  { path: 'models/staging/stg_customers.sql', content: 'select 1 as id' },
  {
    path: 'models/staging/_stg.yml',
    content: 'models:\n  - name: stg_orders\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n',
  },
  { path: 'models/marts/orders.sql', content: "select * from {{ ref('stg_orders') }}" },
  { path: 'models/marts/customers.sql', content: "select * from {{ ref('stg_customers') }}" },
  { path: 'macros/cents.sql', content: '{% macro cents(x) %}{{ x }} * 100{% endmacro %}' },
  { path: 'tests/assert_no_orders.sql', content: "select * from {{ ref('orders') }} where false" },
  { path: 'seeds/countries.csv', content: 'code\nAU\n' },
  { path: 'reports/orders.md', content: '# Orders\n' },
];

function nodesOf(files: readonly ProjectFile[]) {
  const { project, errors } = loadProject({ files });
  expect(errors).toEqual([]);
  return { project, nodes: selectableNodes(project) };
}

function edit(path: string, content: string): ProjectFile[] {
  return FILES.map((file) => (file.path === path ? { path, content } : file));
}

const checksums = (nodes: ReturnType<typeof nodesOf>['nodes']) =>
  new Map(nodes.map((node) => [node.uniqueId, node.checksum]));

describe('planRebuild', () => {
  const before = checksums(nodesOf(FILES).nodes);

  it('builds nothing when nothing changed since the last build', () => {
    const plan = planRebuild({ nodes: nodesOf(FILES).nodes, built: before });
    expect([...plan.selected]).toEqual([]);
    expect(plan.modified).toEqual([]);
  });

  it('builds an edited staging model, everything downstream and their tests, and leaves the rest alone', () => {
    const { nodes } = nodesOf(
      edit('models/staging/stg_orders.sql', "select *, 1 as n from {{ source('raw', 'orders') }}"),
    );
    const plan = planRebuild({ nodes, built: before });
    expect(plan.modified).toEqual(['model.shop.stg_orders']);
    expect([...plan.selected].map((id) => id.replace(/\.[0-9a-f]{8}$/, '')).sort()).toEqual(
      [
        'model.shop.stg_orders',
        'model.shop.orders',
        'test.shop.assert_no_orders',
        'test.shop.unique_stg_orders_id',
        'test.shop.not_null_stg_orders_id',
      ].sort(),
    );
  });

  it('treats a macro edit as a change to every node that compiles through it', () => {
    const files = edit('models/staging/stg_customers.sql', 'select {{ cents(1) }} as id');
    const built = checksums(nodesOf(files).nodes);
    const { nodes } = nodesOf(
      files.map((file) =>
        file.path === 'macros/cents.sql'
          ? { ...file, content: '{% macro cents(x) %}{{ x }} * 1000{% endmacro %}' }
          : file,
      ),
    );
    expect(planRebuild({ nodes, built }).modified).toEqual(['model.shop.stg_customers']);
  });

  it('builds new nodes and names the nodes that were removed', () => {
    const files = [...FILES.filter((file) => file.path !== 'models/marts/customers.sql')];
    files.push({
      path: 'models/marts/customer_count.sql',
      content: "select count(*) as n from {{ ref('stg_customers') }}",
    });
    const plan = planRebuild({ nodes: nodesOf(files).nodes, built: before });
    expect([...plan.selected]).toEqual(['model.shop.customer_count']);
    expect(plan.removed).toEqual(['model.shop.customers']);
  });

  it('takes any dbt selector, and reports a bad one', () => {
    const { nodes } = nodesOf(FILES);
    expect([
      ...planRebuild({ nodes, built: before, select: '+orders', exclude: 'resource_type:test' }).selected,
    ]).toEqual(['source.shop.raw.orders', 'model.shop.stg_orders', 'model.shop.orders']);
    expect(planRebuild({ nodes, built: before, select: 'colour:red' }).errors[0]).toMatch(/colour/);
  });
});

describe('nodeStatus', () => {
  it('follows the last build, and says stale when the node changed since', () => {
    const base = { checksum: 'a', builtChecksum: 'a' };
    expect(nodeStatus({ ...base, result: { status: 'success' } })).toBe('ok');
    expect(nodeStatus({ ...base, result: { status: 'pass' } })).toBe('ok');
    expect(nodeStatus({ ...base, result: { status: 'warn' } })).toBe('warn');
    expect(nodeStatus({ ...base, result: { status: 'fail' } })).toBe('error');
    expect(nodeStatus({ ...base, result: { status: 'error' } })).toBe('error');
    expect(nodeStatus({ ...base, result: { status: 'skipped' } })).toBe('skipped');
    expect(nodeStatus({ checksum: 'b', builtChecksum: 'a', result: { status: 'success' } })).toBe('stale');
    expect(nodeStatus({ ...base, result: { status: 'success' }, unsaved: true })).toBe('stale');
    expect(nodeStatus({ checksum: 'a', builtChecksum: undefined, result: undefined })).toBe('not-built');
  });
});

describe('projectTree', () => {
  it('groups files as dbt users read a project, model folders in the order data flows', () => {
    const { project } = nodesOf(FILES);
    const tree = projectTree({ files: FILES, project });
    expect(tree.map((group) => [group.label, group.items.map((item) => item.path)])).toEqual([
      ['Project', ['dbt_project.yml']],
      ['Sources', ['models/staging/_sources.yml']],
      ['Staging', ['models/staging/_stg.yml', 'models/staging/stg_customers.sql', 'models/staging/stg_orders.sql']],
      ['Marts', ['models/marts/customers.sql', 'models/marts/orders.sql']],
      ['Macros', ['macros/cents.sql']],
      ['Tests', ['tests/assert_no_orders.sql']],
      ['Seeds', ['seeds/countries.csv']],
      ['Reports', ['reports/orders.md']],
    ]);
  });

  it("puts a model's tests under its file and a YAML file's own nodes under the YAML", () => {
    const { project } = nodesOf(FILES);
    const items = projectTree({ files: FILES, project }).flatMap((group) => group.items);
    const item = (path: string) => items.find((candidate) => candidate.path === path);
    expect(item('models/staging/stg_orders.sql')).toMatchObject({
      nodeId: 'model.shop.stg_orders',
      children: [
        { label: 'unique_stg_orders_id', resourceType: 'test' },
        { label: 'not_null_stg_orders_id', resourceType: 'test' },
      ],
    });
    expect(item('models/staging/_stg.yml')?.children).toEqual([]);
    expect(item('models/staging/_sources.yml')?.children.map((child) => child.nodeId)).toEqual([
      'source.shop.raw.orders',
      expect.stringMatching(/^test\.shop\.source_not_null_raw_orders_id\./),
    ]);
    expect(item('seeds/countries.csv')?.nodeId).toBe('seed.shop.countries');
    expect(item('reports/orders.md')).toMatchObject({ nodeId: undefined, children: [] });
  });
});
