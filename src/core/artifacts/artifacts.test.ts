import { describe, expect, it } from 'vitest';
import { loadProject } from '../load-project.ts';
import type { ProjectFile } from '../project/types.ts';
import { buildManifest, type ManifestNode } from './manifest.ts';
import { buildRunResults, summarize, type RunResultInput } from './run-results.ts';

/** A shop in miniature: a seed and a source feed an ephemeral staging model, which feeds a table mart. */
const files: ProjectFile[] = [
  {
    path: 'dbt_project.yml',
    content: [
      'name: shop',
      'models:',
      '  shop:',
      '    marts:',
      '      +materialized: table',
      '      +tags: [mart]',
    ].join('\n'),
  },
  { path: 'seeds/countries.csv', content: 'code,name\nAU,Australia\nNZ,New Zealand\n' },
  {
    path: 'models/staging/sources.yml',
    content: `version: 2
sources:
  - name: raw
    loaded_at_field: _loaded_at
    freshness:
      warn_after: { count: 90, period: minute }
      error_after: { count: 2, period: day }
    tables:
      - name: orders
        identifier: raw_orders
        description: Orders as the shop exports them.
        meta: { owner: ops }
`,
  },
  {
    path: 'models/staging/stg_orders.sql',
    content:
      "{{ config(materialized='ephemeral') }}\nselect id, country_code, amount from {{ source('raw', 'orders') }}\n",
  },
  {
    path: 'models/marts/orders.sql',
    content: `select o.id, c.name as country, o.amount
from {{ ref('stg_orders') }} o
join {{ ref('countries') }} c on c.code = o.country_code
`,
  },
  {
    path: 'models/schema.yml',
    content: `version: 2
models:
  - name: orders
    description: '{{ doc("orders") }}'
    config:
      meta: { owner: finance }
    data_tests:
      - dbt_utils.expression_is_true:
          expression: amount >= 0
    columns:
      - name: id
        description: The order's id.
        data_type: integer
        data_tests: [not_null]
      - name: country
        description: '{{ doc("country") }}'
        data_tests:
          - relationships:
              to: ref('countries')
              field: name
              config:
                severity: warn
`,
  },
  {
    path: 'models/docs.md',
    content:
      '{% docs orders %}\nOne row per **order**.\n{% enddocs %}\n\n{% docs country %}Where it ships.{% enddocs %}\n',
  },
  { path: 'tests/assert_positive_amount.sql', content: "select * from {{ ref('orders') }} where amount < 0\n" },
];

function manifest() {
  const { project, errors } = loadProject({ files });
  expect(errors).toEqual([]);
  return buildManifest({ project, generatedAt: '2024-05-01T00:00:00Z', invocationId: 'inv-1' });
}

function testNode(nodes: Record<string, ManifestNode>, name: string): ManifestNode {
  const node = Object.values(nodes).find((n) => n.resource_type === 'test' && n.name.startsWith(name));
  if (!node) throw new Error(`no test ${name}`);
  return node;
}

describe('buildManifest', () => {
  it('lists every node and source by dbt unique id and resource type', () => {
    const { nodes, sources, metadata } = manifest();
    expect(metadata).toMatchObject({ project_name: 'shop', adapter_type: 'duckdb', invocation_id: 'inv-1' });
    expect(Object.keys(sources)).toEqual(['source.shop.raw.orders']);
    const ids = Object.keys(nodes);
    expect(ids.slice(0, 3)).toEqual(['seed.shop.countries', 'model.shop.stg_orders', 'model.shop.orders']);
    expect(ids).toContain('test.shop.assert_positive_amount');
    expect(ids.filter((id) => /^test\.shop\.[a-z0-9_]+\.[0-9a-f]{8}$/.test(id))).toHaveLength(3);
    expect(Object.fromEntries(Object.values(nodes).map((n) => [n.name, n.resource_type]))).toMatchObject({
      countries: 'seed',
      stg_orders: 'model',
      orders: 'model',
      assert_positive_amount: 'test',
    });
  });

  it('writes paths, relations and config as dbt does', () => {
    const { nodes, sources } = manifest();
    expect(nodes['model.shop.orders']).toMatchObject({
      path: 'marts/orders.sql',
      original_file_path: 'models/marts/orders.sql',
      fqn: ['shop', 'marts', 'orders'],
      alias: 'orders',
      schema: 'main',
      database: 'memory',
      relation_name: '"memory"."main"."orders"',
      tags: ['mart'],
      config: {
        materialized: 'table',
        tags: ['mart'],
        schema: null,
        alias: null,
        enabled: true,
        meta: { owner: 'finance' },
      },
      checksum: { name: 'fnv1a', checksum: expect.stringMatching(/^[0-9a-f]{8}$/) },
    });
    expect(nodes['model.shop.stg_orders']).toMatchObject({
      relation_name: null,
      config: { materialized: 'ephemeral' },
    });
    expect(nodes['seed.shop.countries']).toMatchObject({ path: 'countries.csv', config: { materialized: 'seed' } });
    expect(nodes['test.shop.assert_positive_amount']).toMatchObject({
      path: 'assert_positive_amount.sql',
      config: { materialized: 'test', severity: 'ERROR', where: null },
    });
    expect(sources['source.shop.raw.orders']).toMatchObject({
      source_name: 'raw',
      identifier: 'raw_orders',
      schema: 'raw',
      path: 'models/staging/sources.yml',
      loaded_at_field: '_loaded_at',
      freshness: { warn_after: { count: 90, period: 'minute' }, error_after: { count: 48, period: 'hour' } },
      meta: { owner: 'ops' },
    });
  });

  it('records dependencies, refs and sources, and parent and child maps that mirror each other', () => {
    const { nodes, parent_map, child_map } = manifest();
    expect(nodes['model.shop.stg_orders']).toMatchObject({
      depends_on: { nodes: ['source.shop.raw.orders'], macros: [] },
      refs: [],
      sources: [['raw', 'orders']],
    });
    expect(nodes['model.shop.orders']?.depends_on.nodes).toEqual(['model.shop.stg_orders', 'seed.shop.countries']);
    expect(nodes['model.shop.orders']?.refs).toEqual([
      { name: 'stg_orders', package: null, version: null },
      { name: 'countries', package: null, version: null },
    ]);
    expect(parent_map['model.shop.orders']).toEqual(['model.shop.stg_orders', 'seed.shop.countries']);
    expect(parent_map['source.shop.raw.orders']).toEqual([]);
    expect(child_map['source.shop.raw.orders']).toEqual(['model.shop.stg_orders']);
    const edges = (map: Record<string, string[]>, flip: boolean) =>
      Object.entries(map)
        .flatMap(([id, others]) => others.map((other) => (flip ? `${other} -> ${id}` : `${id} -> ${other}`)))
        .sort();
    expect(edges(child_map, false)).toEqual(edges(parent_map, true));
    expect(Object.keys(parent_map).sort()).toEqual(Object.keys(child_map).sort());
    for (const list of [...Object.values(parent_map), ...Object.values(child_map)])
      expect(list).toEqual([...list].sort());
  });

  it('describes generic tests with test_metadata, column and attached node', () => {
    const { nodes } = manifest();
    expect(testNode(nodes, 'not_null_orders_id')).toMatchObject({
      path: 'not_null_orders_id.sql',
      original_file_path: 'models/schema.yml',
      raw_code: '{{ test_not_null(**_dbt_generic_test_kwargs) }}',
      test_metadata: { name: 'not_null', kwargs: { column_name: 'id' }, namespace: null },
      column_name: 'id',
      attached_node: 'model.shop.orders',
      depends_on: { nodes: ['model.shop.orders'] },
      compiled_code: expect.stringContaining('"main"."orders"'),
    });
    expect(testNode(nodes, 'relationships_orders_country')).toMatchObject({
      test_metadata: {
        name: 'relationships',
        kwargs: { to: "ref('countries')", field: 'name', column_name: 'country' },
      },
      config: { severity: 'WARN' },
      refs: [
        { name: 'orders', package: null, version: null },
        { name: 'countries', package: null, version: null },
      ],
    });
    expect(testNode(nodes, 'dbt_utils_expression_is_true')).toMatchObject({
      raw_code: '{{ dbt_utils.test_expression_is_true(**_dbt_generic_test_kwargs) }}',
      test_metadata: { name: 'expression_is_true', namespace: 'dbt_utils', kwargs: { expression: 'amount >= 0' } },
      column_name: null,
    });
    expect(nodes['test.shop.assert_positive_amount']).toMatchObject({
      depends_on: { nodes: ['model.shop.orders'] },
      column_name: null,
      attached_node: null,
    });
    expect(nodes['test.shop.assert_positive_amount']?.test_metadata).toBeUndefined();
  });

  it('compiles models with the ephemeral model injected as a CTE', () => {
    const orders = manifest().nodes['model.shop.orders'];
    expect(orders?.compiled).toBe(true);
    expect(orders?.raw_code).toContain("{{ ref('stg_orders') }}");
    expect(orders?.compiled_code).toMatch(/^with "__dbt__cte__stg_orders" as \(\n/);
    expect(orders?.compiled_code).toContain('from "raw"."raw_orders"');
    expect(orders?.compiled_code).toContain('from "__dbt__cte__stg_orders" o\njoin "main"."countries" c');
  });

  it('marks a node that fails to compile with compiled: false and no compiled_code', () => {
    const { project } = loadProject({ files });
    const orders = project.nodes.get('model.shop.orders');
    if (orders?.resourceType !== 'model') throw new Error('orders is a model');
    orders.rawSql = "select * from {{ ref('gone') }}";
    const node = buildManifest({ project, generatedAt: '', invocationId: '' }).nodes['model.shop.orders'];
    expect(node?.compiled).toBe(false);
    expect(node).not.toHaveProperty('compiled_code');
  });

  it('resolves descriptions from doc blocks and lists the blocks', () => {
    const { nodes, docs } = manifest();
    expect(nodes['model.shop.orders']?.description).toBe('One row per **order**.');
    expect(nodes['model.shop.orders']?.columns).toEqual({
      id: { name: 'id', description: "The order's id.", data_type: 'integer' },
      country: { name: 'country', description: 'Where it ships.', data_type: null },
    });
    expect(Object.keys(docs)).toEqual(['doc.shop.country', 'doc.shop.orders']);
    expect(docs['doc.shop.orders']).toMatchObject({ name: 'orders', block_contents: 'One row per **order**.' });
  });

  it('survives a JSON round trip unchanged, with every collection dbt expects', () => {
    const built = manifest();
    const json = JSON.stringify(built);
    expect(JSON.parse(json)).toStrictEqual(built);
    expect(json).not.toContain('undefined');
    for (const key of ['macros', 'exposures', 'metrics', 'groups', 'selectors', 'disabled', 'unit_tests'] as const)
      expect(built[key]).toEqual({});
    expect(JSON.stringify(manifest())).toBe(json);
  });
});

describe('buildRunResults', () => {
  const steps = [
    { uniqueId: 'source.shop.raw.orders', kind: 'source' as const, compiledSql: '' },
    { uniqueId: 'seed.shop.countries', kind: 'seed' as const, compiledSql: '' },
    { uniqueId: 'model.shop.orders', kind: 'model' as const, compiledSql: 'select 1' },
    { uniqueId: 'test.shop.a', kind: 'test' as const, compiledSql: 'select 2' },
    { uniqueId: 'test.shop.b', kind: 'test' as const, compiledSql: 'select 3' },
    { uniqueId: 'test.shop.c', kind: 'test' as const, compiledSql: 'select 4' },
    { uniqueId: 'test.shop.d', kind: 'test' as const, compiledSql: 'select 5' },
    { uniqueId: 'model.shop.broken', kind: 'model' as const, compiledSql: 'selec' },
    { uniqueId: 'model.shop.after', kind: 'model' as const, compiledSql: 'select 6' },
  ];
  const results: RunResultInput[] = [
    { uniqueId: 'source.shop.raw.orders', status: 'success', elapsedMs: 40, rows: 12 },
    { uniqueId: 'seed.shop.countries', status: 'success', elapsedMs: 120, rows: 2 },
    { uniqueId: 'model.shop.orders', status: 'success', elapsedMs: 1500, rows: 10 },
    { uniqueId: 'test.shop.a', status: 'pass', elapsedMs: 5, failures: 0 },
    { uniqueId: 'test.shop.b', status: 'fail', elapsedMs: 5, failures: 3 },
    { uniqueId: 'test.shop.c', status: 'warn', elapsedMs: 5, failures: 1 },
    { uniqueId: 'test.shop.d', status: 'error', elapsedMs: 5, error: { message: 'Binder Error: no column x' } },
    { uniqueId: 'model.shop.broken', status: 'error', elapsedMs: 2, error: { message: 'Parser Error: selec' } },
    { uniqueId: 'model.shop.after', status: 'skipped', elapsedMs: 0 },
  ];
  const built = buildRunResults({
    results,
    steps,
    generatedAt: '2024-05-01T00:00:00Z',
    invocationId: 'inv-1',
    elapsedSeconds: 2.5,
    args: { which: 'build', select: ['orders+'] },
  });

  it.each([
    ['source.shop.raw.orders', 'success', 'INSERT 12', null, { rows_affected: 12 }, null],
    ['seed.shop.countries', 'success', 'INSERT 2', null, { rows_affected: 2 }, null],
    ['model.shop.orders', 'success', 'OK', null, { rows_affected: 10 }, 'select 1'],
    ['test.shop.a', 'pass', 'Got 0 results, configured to fail if != 0', 0, {}, 'select 2'],
    ['test.shop.b', 'fail', 'Got 3 results, configured to fail if != 0', 3, {}, 'select 3'],
    ['test.shop.c', 'warn', 'Got 1 result, configured to warn if != 0', 1, {}, 'select 4'],
    ['test.shop.d', 'error', 'Binder Error: no column x', null, {}, 'select 5'],
    ['model.shop.broken', 'error', 'Parser Error: selec', null, {}, 'selec'],
    ['model.shop.after', 'skipped', 'SKIP', null, {}, 'select 6'],
  ])('%s: %s, %s', (id, status, message, failures, adapterResponse, compiledCode) => {
    expect(built.results.find((r) => r.unique_id === id)).toEqual({
      unique_id: id,
      status,
      timing: [],
      thread_id: 'Thread-1',
      execution_time: (results.find((r) => r.uniqueId === id)?.elapsedMs ?? NaN) / 1000,
      adapter_response: adapterResponse,
      message,
      failures,
      compiled_code: compiledCode,
    });
  });

  it("uses dbt's status words for the node's kind, even without a planned step", () => {
    const { results: converted } = buildRunResults({
      results: [
        { uniqueId: 'test.shop.e', status: 'success', elapsedMs: 1 },
        { uniqueId: 'model.shop.f', status: 'pass', elapsedMs: 1 },
      ],
      steps: [],
      generatedAt: '',
      invocationId: '',
      elapsedSeconds: 0,
      args: {},
    });
    expect(converted.map((r) => [r.status, r.failures, r.compiled_code])).toEqual([
      ['pass', 0, null],
      ['success', null, null],
    ]);
  });

  it('writes metadata, elapsed time and args, and survives a JSON round trip', () => {
    expect(built.metadata).toEqual({
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json',
      dbt_version: '1.8.0',
      generated_at: '2024-05-01T00:00:00Z',
      invocation_id: 'inv-1',
    });
    expect(built.elapsed_time).toBe(2.5);
    expect(built.args).toEqual({ which: 'build', select: ['orders+'] });
    expect(JSON.parse(JSON.stringify(built))).toStrictEqual(built);
  });

  it("summarizes as dbt's Done line: PASS = success + pass, ERROR = error + fail", () => {
    expect(summarize(results)).toEqual({ pass: 4, warn: 1, error: 3, skip: 1, total: 9 });
    expect(summarize(built.results)).toEqual(summarize(results));
    expect(summarize([])).toEqual({ pass: 0, warn: 0, error: 0, skip: 0, total: 0 });
  });
});
