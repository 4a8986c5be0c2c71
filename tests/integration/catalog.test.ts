import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/core/load-project.ts';
import { planBuild } from '../../src/core/plan/build-plan.ts';
import { buildCatalog, CATALOG_COLUMNS_SQL, CATALOG_TABLES_SQL } from '../../src/core/workbench/catalog.ts';
import { completionsAt, hoverAt } from '../../src/core/workbench/completions.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';

// The catalog browser and the editor's completions read the built database, so they are checked against it.
describe('the catalog of a built project (DuckDB-WASM)', () => {
  it('lists every relation with its columns, types, row counts and the YAML descriptions', async () => {
    const { project, errors } = loadProject({
      files: [
        {
          path: 'models/staging/stg_orders.sql',
          content: "{{ config(materialized='table') }} select range as order_id, range * 1.5 as amount from range(3)",
        },
        {
          path: 'models/marts/orders_view.sql',
          content: "{{ config(materialized='view') }} select * from {{ ref('stg_orders') }}",
        },
        {
          path: 'models/staging/_stg.yml',
          content:
            'models:\n  - name: stg_orders\n    description: One row per order.\n    columns:\n      - name: ORDER_ID\n        description: The order key.\n',
        },
      ],
    });
    expect(errors).toEqual([]);
    const engine = new DuckDbEngine(openNodeBindings);
    const results = await engine.build(planBuild({ project }).steps);
    expect(results.map((result) => result.status)).toEqual(['success', 'success']);
    const [columns, tables] = await Promise.all(
      [CATALOG_COLUMNS_SQL, CATALOG_TABLES_SQL].map(async (sql) => decodeResult((await engine.query(sql)).ipc).rows),
    );
    const catalog = buildCatalog({ columns: columns ?? [], tables: tables ?? [], project });
    expect(catalog).toEqual([
      {
        schema: 'main',
        name: 'orders_view',
        kind: 'view',
        rowCount: undefined,
        description: '',
        nodeId: 'model.project.orders_view',
        columns: [
          { name: 'order_id', type: 'BIGINT', description: '' },
          { name: 'amount', type: 'DECIMAL(21,1)', description: '' },
        ],
      },
      {
        schema: 'main',
        name: 'stg_orders',
        kind: 'table',
        rowCount: 3,
        description: 'One row per order.',
        nodeId: 'model.project.stg_orders',
        columns: [
          { name: 'order_id', type: 'BIGINT', description: 'The order key.' },
          { name: 'amount', type: 'DECIMAL(21,1)', description: '' },
        ],
      },
    ]);

    const context = { project, catalog, keywords: ['SELECT'], functions: [{ name: 'sum', type: 'aggregate' }] };
    const text = "select o. from {{ ref('stg_orders') }} as o";
    expect(completionsAt({ before: 'select o.', text, context }).map((item) => item.label)).toEqual([
      'order_id',
      'amount',
    ]);
    expect(hoverAt({ word: 'stg_orders', before: 'from ', text, context })).toContain('3 rows');
    expect(hoverAt({ word: 'order_id', before: 'select o.', text, context })).toBe(
      '**order_id** BIGINT — in stg_orders\n\nThe order key.',
    );
  });
});
