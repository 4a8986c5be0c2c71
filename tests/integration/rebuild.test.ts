import { describe, expect, it } from 'vitest';
import { selectableNodes } from '../../src/core/graph/selectable-nodes.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { planBuild } from '../../src/core/plan/build-plan.ts';
import type { ProjectFile } from '../../src/core/project/types.ts';
import { planRebuild } from '../../src/core/workbench/plan-rebuild.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';

const FILES: ProjectFile[] = [
  { path: 'dbt_project.yml', content: 'name: shop\nmodels:\n  shop:\n    +materialized: table\n' },
  { path: 'models/staging/stg_orders.sql', content: "select range as id, 'open' as status from range(3)" },
  { path: 'models/staging/stg_customers.sql', content: 'select 1 as id' },
  {
    path: 'models/staging/_stg.yml',
    content:
      "models:\n  - name: stg_orders\n    columns:\n      - name: status\n        data_tests:\n          - accepted_values:\n              values: ['open', 'closed']\n              config:\n                severity: warn\n",
  },
  {
    path: 'models/marts/orders.sql',
    content: "select status, count(*) as n from {{ ref('stg_orders') }} group by all",
  },
  { path: 'models/marts/customers.sql', content: "select * from {{ ref('stg_customers') }}" },
];

function load(files: readonly ProjectFile[]) {
  const { project, errors } = loadProject({ files });
  expect(errors).toEqual([]);
  return { project, nodes: selectableNodes(project) };
}

// Journey 2 in the engine: edit a staging model, rebuild state:modified+, and only it and its downstream run.
describe('a save rebuilds what changed and its downstream, on DuckDB-WASM', () => {
  it('rebuilds the edited model, its downstream and their tests; other tables are left as they were', async () => {
    const engine = new DuckDbEngine(openNodeBindings);
    const first = load(FILES);
    const initial = await engine.build(planBuild({ project: first.project }).steps);
    expect(initial.every((result) => result.status === 'success' || result.status === 'pass')).toBe(true);
    const built = new Map(first.nodes.map((node) => [node.uniqueId, node.checksum]));
    // A marker only a rebuild would remove: customers must not be rebuilt by an orders edit.
    await engine.query('insert into customers values (99)');

    const edited = load(
      FILES.map((file) =>
        file.path === 'models/staging/stg_orders.sql'
          ? {
              ...file,
              content: "select range as id, case when range = 0 then 'shipped' else 'open' end as status from range(3)",
            }
          : file,
      ),
    );
    const plan = planRebuild({ nodes: edited.nodes, built });
    expect(plan.errors).toEqual([]);
    const steps = planBuild({ project: edited.project, selected: plan.selected }).steps;
    expect(steps.map((step) => step.name)).toEqual([
      'stg_orders',
      expect.stringMatching(/^accepted_values_stg_orders_status/),
      'orders',
    ]);
    const results = await engine.build(steps);
    expect(results.map((result) => [result.uniqueId.split('.')[0], result.status])).toEqual([
      ['model', 'success'],
      ['test', 'warn'],
      ['model', 'success'],
    ]);
    expect(results[1]?.failures).toBe(1);

    const rows = async (sql: string) => decodeResult((await engine.query(sql)).ipc).rows;
    expect(await rows('select status, n from orders order by status')).toEqual([
      { status: 'open', n: 2 },
      { status: 'shipped', n: 1 },
    ]);
    expect(await rows('select id from customers order by id')).toEqual([{ id: 1 }, { id: 99 }]);
  });
});
