import { describe, expect, it } from 'vitest';
import { compileNode } from './plan/compile-node.ts';
import { loadProject } from './load-project.ts';
import type { ProjectFile, TestNode } from './project/types.ts';

const PROJECT: ProjectFile = {
  path: 'dbt_project.yml',
  content: 'name: shop\nmodels:\n  shop:\n    marts:\n      +materialized: table\n      +tags: [marts]\n',
};

function load(files: ProjectFile[]) {
  return loadProject({ files: [PROJECT, ...files] });
}

describe('loadProject', () => {
  it('applies folder config from dbt_project.yml, then YAML config, then config() in the file', () => {
    const { project, errors } = load([
      { path: 'models/marts/a.sql', content: "{{ config(tags=['inline']) }}\nselect 1 as id" },
      { path: 'models/marts/b.sql', content: "{{ config(materialized='view') }}\nselect 1 as id" },
      { path: 'models/marts/schema.yml', content: 'models:\n  - name: a\n    config:\n      tags: [yaml]\n' },
    ]);
    expect(errors).toEqual([]);
    expect(project.nodes.get('model.shop.a')?.config).toMatchObject({
      materialized: 'table',
      tags: ['marts', 'yaml', 'inline'],
    });
    expect(project.nodes.get('model.shop.b')?.config.materialized).toBe('view');
  });

  it('reports an unknown ref with its file, line and the nearest names', () => {
    const { errors } = load([
      { path: 'models/stg_customers.sql', content: 'select 1 as id' },
      { path: 'models/customers.sql', content: "-- customers\nselect *\nfrom {{ ref('stg_custmers') }}" },
    ]);
    expect(errors).toEqual([
      {
        path: 'models/customers.sql',
        line: 3,
        message: "Unknown model 'stg_custmers'. Did you mean 'stg_customers', 'customers'?",
      },
    ]);
  });

  it('names every node on a cycle', () => {
    const { errors } = load([
      { path: 'models/a.sql', content: "select * from {{ ref('c') }}" },
      { path: 'models/b.sql', content: "select * from {{ ref('a') }}" },
      { path: 'models/c.sql', content: "select * from {{ ref('b') }}" },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/cycle: (a → b → c → a|b → c → a → b|c → a → b → c)/);
  });

  it('names both files of a duplicate model name', () => {
    const { errors } = load([
      { path: 'models/staging/orders.sql', content: 'select 1' },
      { path: 'models/marts/orders.sql', content: 'select 2' },
    ]);
    expect(errors[0]?.message).toContain('models/staging/orders.sql and models/marts/orders.sql');
  });

  it('points a YAML syntax error at its file and line', () => {
    const { errors } = load([
      { path: 'models/schema.yml', content: 'models:\n  - name: a\n    columns:\n   - name: x\n' },
    ]);
    // The yaml parser places a bad indent at the mapping whose block it breaks: `columns:` on line 3.
    expect(errors[0]).toMatchObject({ path: 'models/schema.yml', line: 3 });
    expect(errors[0]?.message).toContain('BAD_INDENT');
  });

  it('resolves doc() in descriptions from {% docs %} blocks', () => {
    const { project, errors } = load([
      { path: 'models/a.sql', content: 'select 1 as id' },
      { path: 'models/docs.md', content: '{% docs a_id %}\nThe **id** of a.\n{% enddocs %}\n' },
      {
        path: 'models/schema.yml',
        content: 'models:\n  - name: a\n    columns:\n      - name: id\n        description: "{{ doc(\'a_id\') }}"\n',
      },
    ]);
    expect(errors).toEqual([]);
    const model = project.nodes.get('model.shop.a');
    expect(model?.resourceType === 'model' && model.columns.id?.description).toBe('The **id** of a.');
  });

  // Regression: source tests were named not_null_source_<src>_<table>_<col>; dbt puts `source_` first.
  it('names source tests the way dbt does', () => {
    const { project } = load([
      {
        path: 'models/src.yml',
        content:
          'sources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n            tests: [not_null]\n',
      },
    ]);
    const test = [...project.nodes.values()].find((node) => node.resourceType === 'test');
    expect(test?.name).toBe('source_not_null_raw_orders_id');
  });

  // Regression: `freshness: null` on a table was ignored and the source's thresholds inherited.
  it('lets a table turn off the freshness it would inherit from its source', () => {
    const { project } = load([
      {
        path: 'models/src.yml',
        content:
          'sources:\n  - name: raw\n    loaded_at_field: _load_timestamp\n    freshness:\n      warn_after: {count: 24, period: hour}\n    tables:\n      - name: fresh\n      - name: static\n        freshness: null\n',
      },
    ]);
    const freshness = (id: string) => {
      const node = project.nodes.get(id);
      return node?.resourceType === 'source' ? node.freshness : 'not a source';
    };
    expect(freshness('source.shop.raw.fresh')).toMatchObject({ warnAfterHours: 24 });
    expect(freshness('source.shop.raw.static')).toMatchObject({
      warnAfterHours: undefined,
      errorAfterHours: undefined,
    });
  });

  // Regression: a relationships test whose `to` is ephemeral failed to compile (no relation to point at).
  it('compiles a relationships test that points at an ephemeral model', () => {
    const { project, errors } = load([
      { path: 'models/parents.sql', content: "{{ config(materialized='ephemeral') }}\nselect 1 as id" },
      { path: 'models/children.sql', content: 'select 1 as parent_id' },
      {
        path: 'models/schema.yml',
        content:
          "models:\n  - name: children\n    columns:\n      - name: parent_id\n        tests:\n          - relationships:\n              to: ref('parents')\n              field: id\n",
      },
    ]);
    expect(errors).toEqual([]);
    const test = [...project.nodes.values()].find((node): node is TestNode => node.resourceType === 'test');
    if (!test) throw new Error('no test');
    expect(compileNode({ project, node: test })).toContain('select 1 as id');
  });

  it('puts a Jinja syntax error at its line, and does not report the refs to that model again', () => {
    const { errors } = load([
      { path: 'models/a.sql', content: "-- a\nselect\n  {{ 'x' as y\nfrom t" },
      { path: 'models/b.sql', content: "select * from {{ ref('a') }}" },
      { path: 'models/schema.yml', content: 'models:\n  - name: a\n    description: A\n' },
    ]);
    expect(errors).toEqual([
      { path: 'models/a.sql', line: 3, message: expect.stringMatching(/^Jinja syntax error: /) as string },
    ]);
  });

  it('puts an unclosed block at the line that opens it', () => {
    const { errors } = load([{ path: 'models/a.sql', content: 'select 1\n{% if true %}\n, 2\n' }]);
    expect(errors.map((error) => error.line)).toEqual([2]);
  });
});
