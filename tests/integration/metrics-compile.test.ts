/**
 * The semantic layer's compiler (src/core/metrics) on small in-memory projects: each saved query becomes a
 * `metrics__*` table model whose generated SQL is checked as text and then built, with its facts, in real
 * DuckDB (the Node build of DuckDB-WASM) so every number is asserted exactly. Error cases check the file,
 * the line and the nearest names.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { planBuild } from '../../src/core/plan/build-plan.ts';
import { compileNode } from '../../src/core/plan/compile-node.ts';
import { loadProject } from '../../src/core/load-project.ts';
import type { ModelNode, Project, ProjectFile } from '../../src/core/project/types.ts';
import type { Engine } from '../../src/engine/contract.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const METRICS_YML = 'models/metrics/_metrics.yml';

/** Small facts and a school dimension, as SQL models over VALUES (so the DAG builds them first). */
const MODELS: Record<string, string> = {
  dim__school: `select * from (values
    (md5('1'), 1, 'Alpha Public School', 'Primary School'),
    (md5('2'), 2, 'Beta High School', 'Secondary School'),
    (md5('-1'), -1, 'Missing school_name', 'Missing level_of_schooling')
  ) as t(_meta__dim__school__sk, school_code, school_name, level_of_schooling)`,
  fct__resource_allocation: `select * from (values
    (md5('1'), 2022, 100.0, 110.0), (md5('1'), 2023, 120.0, 130.0), (md5('1'), 2024, 150.0, 160.0),
    (md5('2'), 2022, 200.0, 210.0), (md5('2'), 2023, 240.0, 250.0)
  ) as t(_meta__dim__school__sk, calendar_year, funding_original, funding_post_adjustments)`,
  fct__staff: `select * from (values
    (2022, 'Headcount', 10.0), (2022, 'Headcount', 5.0), (2022, 'Full-time equivalent', 8.5),
    (2022, 'Full-time equivalent', 4.0), (2022, 'Other', 100.0),
    (2023, 'Headcount', 12.0), (2023, 'Full-time equivalent', 10.0)
  ) as t(calendar_year, fte_status, staff_count)`,
  fct__visit: `select * from (values
    (2021, md5('1'), 10, 'a'), (2021, md5('1'), 20, 'a'), (2021, md5('2'), 30, 'b'), (2021, md5('2'), null, 'c'),
    (2022, md5('1'), 5, 'x')
  ) as t(calendar_year, _meta__dim__school__sk, minutes, visitor)`,
};

const SEMANTIC_MODELS = `semantic_models:
  - name: school
    model: ref('dim__school')
    entities: [{ name: school, type: primary, expr: _meta__dim__school__sk }]
    dimensions:
      - { name: school_name, type: categorical, description: The school's name. }
      - { name: level_of_schooling, type: categorical }
  - name: resource_allocation
    model: ref('fct__resource_allocation')
    defaults: { agg_time_dimension: calendar_year }
    entities: [{ name: school, type: foreign, expr: _meta__dim__school__sk }]
    dimensions: [{ name: calendar_year, type: time, type_params: { time_granularity: year } }]
    measures:
      - { name: funding_post_adjustments, agg: sum }
      - { name: funding_original, agg: sum }
  - name: staff
    model: ref('fct__staff')
    defaults: { agg_time_dimension: calendar_year }
    dimensions:
      - { name: calendar_year, type: time, type_params: { time_granularity: year } }
      - { name: fte_status, type: categorical }
    measures:
      - { name: staff, agg: sum, expr: staff_count }
  - name: visit
    model: ref('fct__visit')
    defaults: { agg_time_dimension: calendar_year }
    entities: [{ name: school, type: foreign, expr: _meta__dim__school__sk }]
    dimensions: [{ name: calendar_year, type: time, type_params: { time_granularity: year } }]
    measures:
      - { name: visit_minutes, agg: sum, expr: minutes }
      - { name: visit_minutes_count, agg: count, expr: minutes }
      - { name: visit_rows, agg: count, expr: 1 }
      - { name: visitors, agg: count_distinct, expr: visitor }
      - { name: visit_minutes_average, agg: average, expr: minutes }
      - { name: visit_minutes_min, agg: min, expr: minutes }
      - { name: visit_minutes_max, agg: max, expr: minutes }
`;

const METRICS = `metrics:
  - { name: funding, type: simple, type_params: { measure: funding_post_adjustments }, description: Funding after adjustments. }
  - { name: funding_original, type: simple, type_params: { measure: funding_original } }
  - name: funding_previous_year
    type: derived
    type_params: { expr: funding, metrics: [{ name: funding, offset_window: 1 year }] }
  - name: funding_change
    type: derived
    type_params: { expr: funding - funding_previous_year, metrics: [funding, funding_previous_year] }
  - name: funding_growth
    type: derived
    type_params:
      expr: (funding - last_year) / nullif(last_year, 0)
      metrics: [{ name: funding }, { name: funding, offset_window: 1 year, alias: last_year }]
  - name: funding_two_years_back
    type: derived
    type_params: { expr: funding_previous_year, metrics: [{ name: funding_previous_year, offset_window: 1 year }] }
  - { name: staff_headcount, type: simple, type_params: { measure: staff }, filter: "{{ Dimension('staff__fte_status') }} = 'Headcount'" }
  - name: staff_either
    type: simple
    type_params: { measure: staff }
    filter: "{{ Dimension('staff__fte_status') }} IN ('Headcount', 'Full-time equivalent')"
  - { name: visit_minutes, type: simple, type_params: { measure: visit_minutes } }
  - { name: visit_minutes_count, type: simple, type_params: { measure: visit_minutes_count } }
  - { name: visit_rows, type: simple, type_params: { measure: visit_rows } }
  - { name: visitors, type: simple, type_params: { measure: visitors } }
  - { name: visit_minutes_average, type: simple, type_params: { measure: visit_minutes_average } }
  - { name: visit_minutes_min, type: simple, type_params: { measure: visit_minutes_min } }
  - { name: visit_minutes_max, type: simple, type_params: { measure: visit_minutes_max } }
`;

const SAVED_QUERIES = `saved_queries:
  - name: by_year
    description: Everything by year.
    query_params:
      metrics: [funding, funding_previous_year, funding_change, funding_growth, funding_two_years_back, staff_headcount, staff_either]
      group_by: ["TimeDimension('metric_time', 'year')"]
  - name: aggregations
    query_params:
      metrics: [visit_minutes, visit_minutes_count, visit_rows, visitors, visit_minutes_average, visit_minutes_min, visit_minutes_max]
      group_by: ["TimeDimension('metric_time', 'year')"]
  - name: by_school
    query_params:
      metrics: [funding_original, funding, funding_previous_year, visit_rows]
      group_by:
        - TimeDimension('metric_time', 'year')
        - Entity('school')
        - Dimension('school__school_name')
        - Dimension('school__level_of_schooling')
  - name: by_level
    query_params:
      metrics: [funding]
      group_by: ["Dimension('school__level_of_schooling')"]
  - name: overall
    query_params:
      metrics: [funding, visit_rows, staff_headcount]
`;

function files(yml: string, models: Record<string, string> = MODELS): ProjectFile[] {
  return [
    { path: 'dbt_project.yml', content: 'name: shop\n' },
    ...Object.entries(models).map(([name, sql]) => ({ path: `models/marts/${name}.sql`, content: sql })),
    { path: METRICS_YML, content: yml },
  ];
}

function load(yml: string, models?: Record<string, string>) {
  return loadProject({ files: files(yml, models) });
}

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' is not in the YAML`);
  return index + 1;
}

const VALID = `${SEMANTIC_MODELS}${METRICS}${SAVED_QUERIES}`;

describe('saved queries as models', () => {
  it('become table models tagged metrics, in models/metrics, depending on the facts they read', () => {
    const { project, errors } = load(VALID);
    expect(errors).toEqual([]);
    const byYear = project.nodes.get('model.shop.metrics__by_year') as ModelNode;
    expect(byYear).toMatchObject({
      resourceType: 'model',
      path: METRICS_YML,
      line: lineOf(VALID, '- name: by_year'),
      fqn: ['shop', 'metrics', 'metrics__by_year'],
      description: 'Everything by year.',
      config: { materialized: 'table', tags: ['metrics'] },
    });
    expect(byYear.dependsOn.sort()).toEqual(['model.shop.fct__resource_allocation', 'model.shop.fct__staff']);
    expect((project.nodes.get('model.shop.metrics__by_school') as ModelNode).dependsOn.sort()).toEqual([
      'model.shop.dim__school',
      'model.shop.fct__resource_allocation',
      'model.shop.fct__visit',
    ]);
    expect(Object.keys(byYear.columns)).toEqual([
      'calendar_year',
      'funding',
      'funding_previous_year',
      'funding_change',
      'funding_growth',
      'funding_two_years_back',
      'staff_headcount',
      'staff_either',
    ]);
    expect(byYear.columns.funding?.description).toBe('Funding after adjustments.');
  });

  it('generates per-semantic-model aggregates, a full outer join with coalesce, filters and a year − 1 self-join', () => {
    const { project } = load(VALID);
    const sql = compileNode({ project, node: project.nodes.get('model.shop.metrics__by_year') as ModelNode });
    expect(sql).toContain(`from "main"."fct__resource_allocation"`);
    expect(sql).toContain(
      `sum("fact"."measure__staff") filter (where "fact"."filter__fte_status" = 'Headcount') as "staff_headcount"`,
    );
    expect(sql).toContain(`"fact"."filter__fte_status" in ('Headcount', 'Full-time equivalent')`);
    expect(sql).toContain('full outer join "sm__staff"');
    expect(sql).toContain('coalesce("sm__resource_allocation"."calendar_year", "sm__staff"."calendar_year")');
    expect(sql).toContain(`"offset_1_year"."calendar_year" = "joined"."calendar_year" - 1`);
    expect(sql).toContain(`"offset_2_years"."calendar_year" = "joined"."calendar_year" - 2`);
  });

  it("joins by the entity's key only, attaching its dimensions once after the join", () => {
    const { project } = load(VALID);
    const sql = compileNode({ project, node: project.nodes.get('model.shop.metrics__by_school') as ModelNode });
    expect(sql).toContain(`"sm__visit"."school" is not distinct from "sm__resource_allocation"."school"`);
    expect(sql).not.toContain(`"sm__visit"."school_name"`);
    expect(sql).toContain(`"attach__school"."key__school_name" as "school_name"`);
    expect(sql).toContain(`on "attach__school"."entity__school" = "joined"."school"`);
  });

  it('lets YAML describe and test the generated model like any other', () => {
    const yml = `${VALID}models:\n  - name: metrics__overall\n    description: Totals.\n    columns:\n      - name: funding\n        data_tests: [not_null]\n`;
    const { project, errors } = load(yml);
    expect(errors).toEqual([]);
    expect(project.nodes.get('model.shop.metrics__overall')?.description).toBe('Totals.');
    const tests = [...project.nodes.values()].filter((node) => node.resourceType === 'test');
    expect(tests.map((test) => test.name)).toEqual(['not_null_metrics__overall_funding']);
  });
});

describe('saved queries in DuckDB', () => {
  let engine: Engine;
  let project: Project;
  beforeAll(async () => {
    engine = new DuckDbEngine(openNodeBindings);
    const loaded = load(VALID);
    expect(loaded.errors).toEqual([]);
    project = loaded.project;
    const plan = planBuild({ project });
    expect(plan.errors).toEqual([]);
    const results = await engine.build(plan.steps);
    expect(results.filter((result) => result.status !== 'success')).toEqual([]);
  }, 60_000);

  async function rows(relation: string): Promise<Record<string, unknown>[]> {
    const { ipc } = await engine.query(`select * from main.${relation}`);
    return decodeResult(ipc).rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    );
  }

  it('computes every aggregation kind, and keeps years only one fact has', async () => {
    expect(await rows('metrics__aggregations')).toEqual([
      {
        calendar_year: 2021,
        visit_minutes: 60,
        visit_minutes_count: 3,
        visit_rows: 4,
        visitors: 3,
        visit_minutes_average: 20,
        visit_minutes_min: 10,
        visit_minutes_max: 30,
      },
      {
        calendar_year: 2022,
        visit_minutes: 5,
        visit_minutes_count: 1,
        visit_rows: 1,
        visitors: 1,
        visit_minutes_average: 5,
        visit_minutes_min: 5,
        visit_minutes_max: 5,
      },
    ]);
  });

  it('filters simple metrics, joins facts by year with coalesce, and offsets derived metrics by years', async () => {
    expect(await rows('metrics__by_year')).toEqual([
      {
        calendar_year: 2022,
        funding: 320,
        funding_previous_year: null,
        funding_change: null,
        funding_growth: null,
        funding_two_years_back: null,
        staff_headcount: 15,
        staff_either: 27.5,
      },
      {
        calendar_year: 2023,
        funding: 380,
        funding_previous_year: 320,
        funding_change: 60,
        funding_growth: 0.1875,
        funding_two_years_back: null,
        staff_headcount: 12,
        staff_either: 22,
      },
      {
        calendar_year: 2024,
        funding: 160,
        funding_previous_year: 380,
        funding_change: -220,
        funding_growth: round(-220 / 380),
        funding_two_years_back: 320,
        staff_headcount: null,
        staff_either: null,
      },
    ]);
  });

  it('groups by the school entity and its dimensions, joined through the entity key', async () => {
    const alpha = { school: 'alpha', school_name: 'Alpha Public School', level_of_schooling: 'Primary School' };
    const beta = { school: 'beta', school_name: 'Beta High School', level_of_schooling: 'Secondary School' };
    const keys: Record<string, string> = { [md5Of('1')]: 'alpha', [md5Of('2')]: 'beta' };
    const found = (await rows('metrics__by_school')).map((row) => ({ ...row, school: keys[String(row.school)] }));
    const none = { funding_original: null, funding: null, funding_previous_year: null };
    expect(found).toEqual([
      { calendar_year: 2021, ...alpha, ...none, visit_rows: 2 },
      { calendar_year: 2021, ...beta, ...none, visit_rows: 2 },
      {
        calendar_year: 2022,
        ...alpha,
        funding_original: 100,
        funding: 110,
        funding_previous_year: null,
        visit_rows: 1,
      },
      {
        calendar_year: 2022,
        ...beta,
        funding_original: 200,
        funding: 210,
        funding_previous_year: null,
        visit_rows: null,
      },
      {
        calendar_year: 2023,
        ...alpha,
        funding_original: 120,
        funding: 130,
        funding_previous_year: 110,
        visit_rows: null,
      },
      {
        calendar_year: 2023,
        ...beta,
        funding_original: 240,
        funding: 250,
        funding_previous_year: 210,
        visit_rows: null,
      },
      {
        calendar_year: 2024,
        ...alpha,
        funding_original: 150,
        funding: 160,
        funding_previous_year: 130,
        visit_rows: null,
      },
    ]);
  });

  it('groups by a dimension alone, and by nothing at all', async () => {
    expect(await rows('metrics__by_level')).toEqual([
      { level_of_schooling: 'Primary School', funding: 400 },
      { level_of_schooling: 'Secondary School', funding: 460 },
    ]);
    expect(await rows('metrics__overall')).toEqual([{ funding: 860, visit_rows: 5, staff_headcount: 27 }]);
  });
});

/** Errors: each names the YAML file and line, and the nearest names where there are any. */
const ERROR_CASES: Array<{ name: string; yml: string; at: string; message: RegExp }> = [
  {
    name: 'an unknown measure',
    yml: VALID.replace('measure: funding_original }', 'measure: funding_orignal }'),
    at: 'measure: funding_orignal',
    message: /Metric 'funding_original' uses unknown measure 'funding_orignal'\. Did you mean 'funding_original'/,
  },
  {
    name: 'an unknown metric in a saved query',
    yml: VALID.replace(
      'metrics: [funding, visit_rows, staff_headcount]',
      'metrics: [funding, visit_row, staff_headcount]',
    ),
    at: 'metrics: [funding, visit_row',
    message: /Saved query 'overall': unknown metric 'visit_row'\. Did you mean 'visit_rows'/,
  },
  {
    name: 'an unknown metric in a derived metric',
    yml: VALID.replace('metrics: [funding, funding_previous_year] }', 'metrics: [funding, funding_previous_yr] }'),
    at: 'funding_previous_yr',
    message:
      /Derived metric 'funding_change' uses unknown metric 'funding_previous_yr'\. Did you mean 'funding_previous_year'/,
  },
  {
    name: 'a derived expr using a name it does not list',
    yml: VALID.replace('expr: funding - funding_previous_year,', 'expr: funding - funding_original,'),
    at: 'expr: funding - funding_original',
    message:
      /its expr uses 'funding_original', which is not among its metrics \(funding, funding_previous_year\)\. List it/,
  },
  {
    name: 'an unknown dimension in a group-by',
    yml: VALID.replace("Dimension('school__school_name')", "Dimension('school__school_nme')"),
    at: "Dimension('school__school_nme')",
    message: /unknown dimension 'school__school_nme'\. Did you mean 'school__school_name'/,
  },
  {
    name: 'an unknown dimension in a filter',
    yml: VALID.replace("Dimension('staff__fte_status') }} = ", "Dimension('staff__fte_stat') }} = "),
    at: "Dimension('staff__fte_stat')",
    message: /unknown dimension 'staff__fte_stat'.*Did you mean 'staff__fte_status'/,
  },
  {
    name: 'an unsupported filter',
    yml: VALID.replace("}} = 'Headcount'", "}} like 'Head%'"),
    at: "like 'Head%'",
    message: /the filter .* is not supported; write/,
  },
  {
    name: 'a semantic model over an unknown model',
    yml: VALID.replace("ref('fct__staff')", "ref('fct__staf')"),
    at: "ref('fct__staf')",
    message: /Semantic model 'staff' reads unknown model 'fct__staf'\. Did you mean 'fct__staff'/,
  },
  {
    name: 'an unsupported aggregation',
    yml: VALID.replace('{ name: visit_minutes_average, agg: average', '{ name: visit_minutes_average, agg: avg'),
    at: 'agg: avg',
    message: /Measure 'visit_minutes_average' has agg 'avg', which is not supported \(did you mean 'average'\?\)/,
  },
  {
    name: 'an unsupported metric type',
    yml: VALID.replace('{ name: visit_rows, type: simple', '{ name: visit_rows, type: ratio'),
    at: '{ name: visit_rows, type: ratio',
    message: /Metric 'visit_rows' has type 'ratio': write it as a derived metric/,
  },
  {
    name: 'an offset without metric_time',
    yml: VALID.replace('metrics: [funding, visit_rows, staff_headcount]', 'metrics: [funding_previous_year]'),
    at: '- name: overall',
    message: /offset_window needs metric_time/,
  },
  {
    name: 'a group-by a semantic model cannot give',
    yml: VALID.replace(
      'metrics: [funding_original, funding, funding_previous_year, visit_rows]',
      'metrics: [staff_headcount]',
    ),
    at: "Entity('school')",
    message:
      /metric 'staff_headcount' \(semantic model 'staff'\) cannot be grouped by school: 'staff' has no entity 'school'/,
  },
  {
    name: 'an unknown entity',
    yml: VALID.replace("- Entity('school')", "- Entity('schol')"),
    at: "Entity('schol')",
    message: /Saved query 'by_school': unknown entity 'schol' in Entity\('schol'\)\. Did you mean 'school'/,
  },
  {
    name: 'unquoted text with a comma in a flow mapping',
    yml: VALID.replace("description: The school's name. }", "description: The school's name, as published. }"),
    at: 'as published.',
    message: /'as published\.' has no value\. A comma inside \{ … \} ends a value: quote text that contains one/,
  },
  {
    name: 'derived metrics that refer to each other',
    yml: VALID.replace(
      'metrics: [{ name: funding, offset_window: 1 year }] }',
      'metrics: [{ name: funding_change, offset_window: 1 year }] }',
    ).replace('{ expr: funding, metrics', '{ expr: funding_change, metrics'),
    at: '- name: funding_previous_year',
    message: /Derived metrics refer to each other: funding_previous_year → funding_change → funding_previous_year/,
  },
  {
    name: 'an offset that is not whole years',
    yml: VALID.replace('offset_window: 1 year, alias', 'offset_window: 3 months, alias'),
    at: '3 months',
    message: /offset_window '3 months' is not supported/,
  },
];

describe('semantic layer errors', () => {
  it.each(ERROR_CASES)('reports $name at its file and line, once', ({ yml, at, message }) => {
    const { errors } = load(yml);
    expect(errors).toEqual([{ path: METRICS_YML, line: lineOf(yml, at), message: expect.stringMatching(message) }]);
  });

  it('reports a metric name that is not lower snake_case (it becomes a column)', () => {
    const yml = VALID.replace('{ name: visitors, type: simple', '{ name: Visitors, type: simple');
    expect(load(yml).errors).toContainEqual({
      path: METRICS_YML,
      line: lineOf(yml, 'name: Visitors'),
      message: expect.stringContaining("lower snake_case `name` (it becomes a column), not 'Visitors'"),
    });
  });
});

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** The hex md5 of a text, as DuckDB's md5() returns it (Node's crypto, in the test only). */
function md5Of(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
