import { describe, expect, it } from 'vitest';
import { loadProject } from '../load-project.ts';
import type { CatalogTable } from './catalog.ts';
import { completionsAt, macroNames, type CompletionContext } from './completions.ts';

const { project } = loadProject({
  files: [
    {
      path: 'models/staging/_sources.yml',
      content:
        'sources:\n  - name: raw\n    tables:\n      - name: orders\n      - name: customers\n  - name: crm\n    tables:\n      - name: leads\n',
    },
    { path: 'models/staging/stg_orders.sql', content: "select * from {{ source('raw', 'orders') }}" },
    { path: 'seeds/countries.csv', content: 'code\nAU\n' },
    {
      path: 'macros/cents.sql',
      content: '{% macro cents(x) %}{{ x }} * 100{% endmacro %}\n{%- macro dollars(x) -%}{%- endmacro %}',
    },
  ],
});
const catalog: CatalogTable[] = [
  {
    schema: 'main',
    name: 'stg_orders',
    kind: 'view',
    rowCount: undefined,
    description: '',
    nodeId: 'model.project.stg_orders',
    columns: [{ name: 'order_id', type: 'BIGINT', description: 'Key' }],
  },
  {
    schema: 'main',
    name: 'dim_school',
    kind: 'table',
    rowCount: 2200,
    description: 'Schools',
    nodeId: undefined,
    columns: [{ name: 'school_code', type: 'INTEGER', description: '' }],
  },
];
const context: CompletionContext = {
  project,
  catalog,
  keywords: ['SELECT', 'FROM'],
  functions: [
    { name: 'sum', type: 'aggregate' },
    { name: 'sum', type: 'aggregate' },
    { name: '~~', type: 'scalar' },
  ],
};
const labels = (before: string, text = before) => completionsAt({ before, text, context }).map((item) => item.label);

describe('completionsAt', () => {
  it("offers models and seeds inside ref('", () => {
    expect(labels("select * from {{ ref('st")).toEqual(['countries', 'stg_orders']);
  });

  it("offers source names, then that source's tables, inside source(", () => {
    expect(labels("from {{ source('")).toEqual(['raw', 'crm']);
    expect(labels("from {{ source('raw', '")).toEqual(['orders', 'customers']);
    expect(labels('from {{ source("crm", "l')).toEqual(['leads']);
  });

  it('offers the Jinja functions and the project macros after {{', () => {
    expect(macroNames(project)).toEqual(['cents', 'dollars']);
    expect(labels('select {{ ce')).toEqual(['ref', 'source', 'config', 'var', 'cents', 'dollars']);
  });

  it("offers a table's columns after its name or alias and a dot", () => {
    expect(labels('select dim_school.')).toEqual(['school_code']);
    const text = 'select s. from main.dim_school s join stg_orders as o on true';
    expect(labels('select s.', text)).toEqual(['school_code']);
    expect(labels('select o.', text)).toEqual(['order_id']);
  });

  it('otherwise offers tables with row counts, columns, keywords and each function once', () => {
    const items = completionsAt({ before: 'select ', text: 'select ', context });
    expect(items.map((item) => [item.label, item.kind])).toEqual([
      ['stg_orders', 'table'],
      ['dim_school', 'table'],
      ['order_id', 'column'],
      ['school_code', 'column'],
      ['select', 'keyword'],
      ['from', 'keyword'],
      ['sum', 'function'],
    ]);
    expect(items[1]?.detail).toBe('table · main · 2,200 rows');
  });
});
