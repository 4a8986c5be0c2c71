import { describe, expect, it } from 'vitest';
import { loadProject } from '../load-project.ts';
import { planBuild } from './build-plan.ts';

const order = (files: Array<{ path: string; content: string }>) => {
  const { project, errors } = loadProject({ files });
  expect(errors).toEqual([]);
  const plan = planBuild({ project });
  expect(plan.errors).toEqual([]);
  return plan.steps.map((step) => step.name);
};

describe('planBuild', () => {
  it('runs a model after its parents and after the tests on them, as dbt build does', () => {
    const names = order([
      { path: 'models/a.sql', content: 'select 1 as id' },
      { path: 'models/b.sql', content: "select * from {{ ref('a') }}" },
      {
        path: 'models/schema.yml',
        content: 'models:\n  - name: a\n    columns:\n      - name: id\n        tests: [unique]\n',
      },
    ]);
    expect(names).toEqual(['a', 'unique_a_id', 'b']);
  });

  // Regression: a relationships test from a fact to a dimension reads the fact, so making the fact wait
  // for the tests of its parent (the dimension) made it wait for its own test — a cycle, after which the
  // plan fell back to file order and marts ran before their staging models.
  it('does not make a model wait for a test that reads the model itself', () => {
    const names = order([
      { path: 'models/z_dim.sql', content: 'select 1 as id' },
      { path: 'models/b_fct.sql', content: "select id as dim_id from {{ ref('z_dim') }}" },
      {
        path: 'models/schema.yml',
        content:
          "models:\n  - name: b_fct\n    columns:\n      - name: dim_id\n        tests:\n          - relationships:\n              to: ref('z_dim')\n              field: id\n",
      },
    ]);
    expect(names).toEqual(['z_dim', 'b_fct', 'relationships_b_fct_dim_id__id__ref_z_dim_']);
  });
});
