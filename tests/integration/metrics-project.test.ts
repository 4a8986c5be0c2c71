/**
 * The bundled project's semantic layer (models/metrics/_metrics.yml) over small stand-in facts with the marts'
 * column names: both saved queries build in real DuckDB, and the numbers show the original's bugs 3 and 4
 * fixed (apprenticeship metrics sum over training types; staff count is headcount only).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { planBuild } from '../../src/core/plan/build-plan.ts';
import { loadProject } from '../../src/core/load-project.ts';
import type { ModelNode, Project } from '../../src/core/project/types.ts';
import type { Engine } from '../../src/engine/contract.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const METRICS_YML = 'models/metrics/_metrics.yml';
const SINGULAR_TESTS = [
  'tests/dbt/assert_apprenticeship_metric_sums_training_types.sql',
  'tests/dbt/assert_fact_keys_named_after_their_fact.sql',
];
const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const YAML = read(METRICS_YML);

const SK = (code: number) => `md5('${code}')`;

/** Two schools, two years; every fact with the columns the marts give it. */
const FACTS: Record<string, string> = {
  dim__school: `select * from (values
    (${SK(1)}, 1001, 'Alpha Public School', 300.0, 'Primary School', 1050, 0.05, 'Not Selective', 'Comprehensive'),
    (${SK(2)}, 1002, 'Beta High School', 900.0, 'Secondary School', 990, 0.12, 'Fully Selective', 'Comprehensive')
  ) as t(_meta__dim__school__sk, school_code, school_name, latest_year_enrolment_fte, level_of_schooling,
         icsea_value, indigenous_pct, selective_school, school_specialty_type)`,
  fct__school: `select * from (values
    (${SK(1)}, 1001, 2022, 1, 300.0), (${SK(2)}, 1002, 2022, 1, 900.0),
    (${SK(1)}, 1001, 2023, 1, 300.0), (${SK(2)}, 1002, 2023, 1, 900.0)
  ) as t(_meta__dim__school__sk, school_code, calendar_year, school_cnt, latest_year_enrolment_fte)`,
  fct__resource_allocation: `select * from (values
    (${SK(1)}, 1001, 2022, 100.0, 110.0), (${SK(2)}, 1002, 2022, 200.0, 220.0),
    (${SK(1)}, 1001, 2023, 150.0, 160.0), (${SK(2)}, 1002, 2023, 250.0, 260.0)
  ) as t(_meta__dim__school__sk, school_code, calendar_year, funding_original, funding_post_adjustments)`,
  fct__attendance: `select * from (values
    (${SK(1)}, 1001, 2022, 0.90), (${SK(2)}, 1002, 2022, 0.80), (${SK(1)}, 1001, 2023, 0.95)
  ) as t(_meta__dim__school__sk, school_code, calendar_year, attendance_rate)`,
  fct__composite_class: `select * from (values
    (${SK(1)}, 1001, 2022, 2, 40, 0.5, 0.4), (${SK(1)}, 1001, 2023, 1, 20, 0.25, 0.2)
  ) as t(_meta__dim__school__sk, school_code, calendar_year, composite_class_count, composite_class_students,
         composite_class_pct, composite_class_student_pct)`,
  fct__enrolment: `select * from (values
    (${SK(1)}, 1001, 2022, 'Primary', 290.5), (${SK(2)}, 1002, 2022, 'Secondary', 880.0),
    (${SK(1)}, 1001, 2023, 'Primary', 300.0), (${SK(2)}, 1002, 2023, 'Secondary', 900.0)
  ) as t(_meta__dim__school__sk, school_code, calendar_year, school_type, enrolment_fte)`,
  fct__retention: `select * from (values (2022, 0.95, 0.75, 0.9, 0.5, 0.55), (2023, 0.96, 0.76, 0.91, 0.51, 0.56))
    as t(calendar_year, retention_rate_7_to_10, retention_rate_10_to_12, retention_rate_aboriginal_7_to_10,
         retention_rate_aboriginal_7_to_12, retention_rate_aboriginal_10_to_12)`,
  fct__class: `select * from (values (2022, 19.0, 22.0, 23.0, 25.0, 26.0, 27.0, 27.5, 24.5), (2023, 19, 22, 23, 25, 26, 27, 27, 24.25))
    as t(calendar_year, avg_class_size_k, avg_class_size_year_1, avg_class_size_year_2, avg_class_size_year_3,
         avg_class_size_year_4, avg_class_size_year_5, avg_class_size_year_6, avg_class_size_k_6)`,
  fct__apprenticeship_traineeship_training: `select * from (values
    (2022, 'Apprenticeship', 100, 40), (2022, 'Traineeship', 300, 60), (2023, 'Apprenticeship', 120, 50)
  ) as t(calendar_year, training_type, approvals, completions)`,
  fct__staff: `select * from (values
    (2022, 'Primary', 'Teaching', 'Female', 'Headcount', 1000.0), (2022, 'Primary', 'Teaching', 'Female', 'Full-time equivalent', 850.5),
    (2022, 'Secondary', 'Teaching', 'Male', 'Headcount', 500.0), (2022, 'Secondary', 'Teaching', 'Male', 'Full-time equivalent', 480.0),
    (2023, 'Primary', 'Teaching', 'Female', 'Headcount', 1100.0), (2023, 'Primary', 'Teaching', 'Female', 'Full-time equivalent', 900.0)
  ) as t(calendar_year, school_level, staff_function, sex, fte_status, staff_count)`,
  fct__student: `select * from (values
    (2022, 'Primary', 'Female', 'Indigenous', 'Full-time', 700), (2022, 'Primary', 'Male', 'Non-Indigenous', 'Full-time', 800),
    (2023, 'Primary', 'Female', 'Indigenous', 'Full-time', 710)
  ) as t(calendar_year, school_level, sex, indigenous_status, attendance_type, student_count)`,
};

/** The stand-in project: facts keyed `_meta__fct__<fact>__sk` as the conventions say, unless `keyOf` says otherwise. */
function load(options: { yaml?: string; keyOf?: (fact: string) => string } = {}): {
  project: Project;
  errors: unknown[];
} {
  const keyOf = options.keyOf ?? ((fact) => `_meta__${fact}__sk`);
  const model = (name: string, sql: string) =>
    name.startsWith('fct__')
      ? `select md5(cast(row_number() over () as varchar)) as ${keyOf(name)}, *\nfrom (${sql})`
      : sql;
  return loadProject({
    files: [
      { path: 'dbt_project.yml', content: "name: nsw_schools\ntest-paths: ['tests/dbt']\n" },
      ...Object.entries(FACTS).map(([name, sql]) => ({ path: `models/marts/${name}.sql`, content: model(name, sql) })),
      { path: METRICS_YML, content: options.yaml ?? YAML },
      ...SINGULAR_TESTS.map((path) => ({ path, content: read(path) })),
    ],
  });
}

/** Build the whole stand-in project in a fresh database; the status of every step by node name. */
async function build(engine: Engine, project: Project): Promise<Record<string, string>> {
  const plan = planBuild({ project });
  expect(plan.errors).toEqual([]);
  const results = await engine.build(plan.steps);
  return Object.fromEntries(results.map((result, index) => [plan.steps[index]?.name, result.status]));
}

describe('the bundled semantic layer', () => {
  it('declares the two saved queries as metrics models, documenting every metric column', () => {
    const { project, errors } = load();
    expect(errors).toEqual([]);
    const byYear = project.nodes.get('model.nsw_schools.metrics__metrics_by_year') as ModelNode;
    const bySchool = project.nodes.get('model.nsw_schools.metrics__school_metrics_by_year') as ModelNode;
    expect(byYear.config).toMatchObject({ materialized: 'table', tags: ['metrics'] });
    const metricColumns = Object.keys(byYear.columns).filter((column) => column !== 'calendar_year');
    // The original's 17 metrics less incidents (no source) and its previous-year funding, plus composite classes.
    expect(metricColumns.filter((column) => !column.endsWith('_previous_year'))).toHaveLength(16);
    expect(metricColumns.every((column) => (byYear.columns[column]?.description ?? '') !== '')).toBe(true);
    expect(metricColumns).not.toContain('incident_count');
    expect(byYear.columns.attendance_rate?.description).toMatch(/average of averages/i);
    expect(Object.keys(bySchool.columns)).toEqual([
      'calendar_year',
      'school',
      'school_code',
      'school_name',
      'latest_year_enrolment_fte',
      'level_of_schooling',
      'icsea_value',
      'indigenous_pct',
      'selective_school',
      'school_specialty_type',
      'funding_original',
      'funding_post_adjustments',
      'attendance_rate',
      'enrolments',
      'school_count',
    ]);
    expect(YAML).toMatch(/incidents metric is not built because no incidents source is catalogued/i);
  });

  describe('built in DuckDB', () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = new DuckDbEngine(openNodeBindings);
      const statuses = await build(engine, load().project);
      expect(Object.values(statuses).every((status) => status === 'success' || status === 'pass')).toBe(true);
      expect(statuses).toMatchObject({
        assert_apprenticeship_metric_sums_training_types: 'pass',
        assert_fact_keys_named_after_their_fact: 'pass',
      });
    }, 60_000);

    async function query(sql: string): Promise<Record<string, unknown>[]> {
      return decodeResult((await engine.query(sql)).ipc).rows;
    }

    it('sums apprenticeship contracts over training types (bug 3) and counts staff by headcount only (bug 4)', async () => {
      expect(
        await query(
          'select calendar_year, apprenticeship_approvals, apprenticeship_completions, staff_count, staff_count_previous_year from main.metrics__metrics_by_year order by 1',
        ),
      ).toEqual([
        {
          calendar_year: 2022,
          apprenticeship_approvals: 400,
          apprenticeship_completions: 100,
          staff_count: 1500,
          staff_count_previous_year: null,
        },
        {
          calendar_year: 2023,
          apprenticeship_approvals: 120,
          apprenticeship_completions: 50,
          staff_count: 1100,
          staff_count_previous_year: 1500,
        },
      ]);
    });

    it('gives every metric by year, with previous-year values', async () => {
      const [, latest] = await query('select * from main.metrics__metrics_by_year order by calendar_year');
      expect(latest).toMatchObject({
        calendar_year: 2023,
        funding_post_adjustments: 420,
        funding_post_adjustments_previous_year: 330,
        funding_original: 400,
        student_count: 710,
        student_count_previous_year: 1500,
        school_count: 2,
        attendance_rate: 0.95,
        attendance_rate_previous_year: 0.85,
        average_class_size_k_6: 24.25,
        enrolments: 1200,
        enrolments_previous_year: 1170.5,
        retention_rate_aboriginal_10_to_12: 0.56,
        composite_class_pct: 0.25,
      });
    });

    it('gives five metrics by school and year with the school attributes', async () => {
      expect(
        await query(
          'select calendar_year, school_name, level_of_schooling, selective_school, funding_original, attendance_rate, enrolments, school_count from main.metrics__school_metrics_by_year order by 1, 2',
        ),
      ).toEqual([
        {
          calendar_year: 2022,
          school_name: 'Alpha Public School',
          level_of_schooling: 'Primary School',
          selective_school: 'Not Selective',
          funding_original: 100,
          attendance_rate: 0.9,
          enrolments: 290.5,
          school_count: 1,
        },
        {
          calendar_year: 2022,
          school_name: 'Beta High School',
          level_of_schooling: 'Secondary School',
          selective_school: 'Fully Selective',
          funding_original: 200,
          attendance_rate: 0.8,
          enrolments: 880,
          school_count: 1,
        },
        {
          calendar_year: 2023,
          school_name: 'Alpha Public School',
          level_of_schooling: 'Primary School',
          selective_school: 'Not Selective',
          funding_original: 150,
          attendance_rate: 0.95,
          enrolments: 300,
          school_count: 1,
        },
        {
          calendar_year: 2023,
          school_name: 'Beta High School',
          level_of_schooling: 'Secondary School',
          selective_school: 'Fully Selective',
          funding_original: 250,
          attendance_rate: null,
          enrolments: 900,
          school_count: 1,
        },
      ]);
    });
  });

  describe('singular tests that would have caught the original', () => {
    it('fails the apprenticeship test when the metric averages over training types (bug 3)', async () => {
      const yaml = YAML.replace('agg: sum, expr: approvals', 'agg: average, expr: approvals');
      expect(yaml).not.toBe(YAML);
      const statuses = await build(new DuckDbEngine(openNodeBindings), load({ yaml }).project);
      expect(statuses.assert_apprenticeship_metric_sums_training_types).toBe('fail');
    }, 60_000);

    it("fails the key test when a fact's key is named after another fact (bug 5)", async () => {
      const engine = new DuckDbEngine(openNodeBindings);
      const keyOf = (fact: string) => (fact === 'fct__attendance' ? '_meta__fct__school__sk' : `_meta__${fact}__sk`);
      const statuses = await build(engine, load({ keyOf }).project);
      expect(statuses.assert_fact_keys_named_after_their_fact).toBe('fail');
      const failing = decodeResult(
        (await engine.query('select * from main_dbt_test__audit.assert_fact_keys_named_after_their_fact order by all'))
          .ipc,
      ).rows;
      expect(failing).toEqual([
        { table_name: 'fct__attendance', problem: 'has another key: _meta__fct__school__sk' },
        { table_name: 'fct__attendance', problem: 'has no key named after it: _meta__fct__attendance__sk' },
      ]);
    }, 60_000);
  });
});
