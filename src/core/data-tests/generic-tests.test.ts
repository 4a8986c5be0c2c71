import { beforeAll, describe, expect, it } from 'vitest';
// Only this test reaches outside core, to run every generated statement in real DuckDB (style guide, item 7).
import { decodeResult } from '../../engine/decode-result.ts';
import { DuckDbEngine } from '../../database/duckdb-engine.ts';
import { openNodeBindings } from '../../database/node-bindings.ts';
import { hashString } from '../text/hash.ts';
import {
  GENERIC_TEST_NAMES,
  GenericTestError,
  compileGenericTest,
  genericTestNodeName,
  type GenericTestCall,
} from './generic-tests.ts';

const engine = new DuckDbEngine(openNodeBindings);

beforeAll(async () => {
  await engine.query(
    "create table t as select * from (values (1, 'a', 10), (2, 'b', 20), (2, null, -5), (null, 'z', 30)) v(id, code, amount)",
  );
  await engine.query("create table p as select * from (values (1, 'a'), (2, 'b'), (null, 'n')) v(id, code)");
  await engine.query('create table g as select * from (values (1, null), (null, 2), (null, 3)) v(a, b)');
});

async function failingRows(call: GenericTestCall): Promise<Record<string, unknown>[]> {
  return decodeResult((await engine.query(compileGenericTest(call))).ipc).rows;
}

/** Shorthand for a test on table `t` (or on `g`, via `extra.relation`). */
function testCall(
  name: string,
  column?: string,
  args: Record<string, unknown> = {},
  extra: Partial<GenericTestCall> = {},
): GenericTestCall {
  return { name, relation: '"t"', args, ...(column === undefined ? {} : { column }), ...extra };
}

const COMBINATION = 'unique_combination_of_columns';
const BETWEEN = 'dbt_expectations.expect_column_values_to_be_between';
const TO_P = { to: '"p"' };

describe('compileGenericTest in DuckDB: the number of failing rows', () => {
  const cases: [string, GenericTestCall, number][] = [
    ['not_null finds the null id', testCall('not_null', 'id'), 1],
    ['not_null passes a full column', testCall('not_null', 'amount'), 0],
    ['not_null with where: skips filtered-out rows', testCall('not_null', 'code', {}, { where: 'amount > 0' }), 0],
    ['unique counts each duplicated value once', testCall('unique', 'id'), 1],
    ['unique ignores repeated nulls', testCall('unique', 'a', {}, { relation: '"g"' }), 0],
    ['unique with where:', testCall('unique', 'id', {}, { where: 'amount > 0' }), 0],
    ['accepted_values finds the unlisted value', testCall('accepted_values', 'code', { values: ['a', 'b'] }), 1],
    [
      'accepted_values: null passes, quotes quoted',
      testCall('accepted_values', 'code', { values: ['a', 'b', 'z', "it's"] }),
      0,
    ],
    [
      'accepted_values with where:',
      testCall('accepted_values', 'code', { values: ['a', 'b'] }, { where: "code <> 'z'" }),
      0,
    ],
    ['accepted_values quote: false', testCall('accepted_values', 'id', { values: [1], quote: false }), 1],
    ['accepted_values quote: false passes', testCall('accepted_values', 'id', { values: [1, 2], quote: false }), 0],
    ['accepted_values quoted numbers on an integer', testCall('accepted_values', 'id', { values: [1, 2] }), 0],
    ['relationships finds the orphan', testCall('relationships', 'code', { ...TO_P, field: 'code' }), 1],
    ['relationships ignores a null child', testCall('relationships', 'id', { ...TO_P, field: 'id' }), 0],
    // The parent has no `amount` column, so this also proves where: is not applied to the parent.
    [
      'relationships where: on the child only',
      testCall('relationships', 'code', { ...TO_P, field: 'code' }, { where: 'amount = 10' }),
      0,
    ],
    ['expression_is_true on the model', testCall('expression_is_true', undefined, { expression: 'amount >= 0' }), 1],
    ['expression_is_true on a column', testCall('expression_is_true', 'amount', { expression: '>= 0' }), 1],
    ['expression_is_true passes a null', testCall('expression_is_true', undefined, { expression: 'id > 0' }), 0],
    [
      'dbt_utils.expression_is_true where:',
      testCall('dbt_utils.expression_is_true', 'amount', { expression: '>= 0' }, { where: 'id = 1' }),
      0,
    ],
    [`${COMBINATION} passes`, testCall(COMBINATION, undefined, { combination_of_columns: ['id', 'code'] }), 0],
    [`${COMBINATION} fails`, testCall(COMBINATION, undefined, { combination_of_columns: ['id'] }), 1],
    [
      `${COMBINATION} groups nulls`,
      testCall(`dbt_utils.${COMBINATION}`, undefined, { combination_of_columns: ['a'] }, { relation: '"g"' }),
      1,
    ],
    ['accepted_range min', testCall('accepted_range', 'amount', { min_value: 0 }), 1],
    ['accepted_range min is inclusive', testCall('accepted_range', 'amount', { min_value: -5 }), 0],
    ['accepted_range inclusive: false', testCall('accepted_range', 'amount', { min_value: -5, inclusive: false }), 1],
    ['accepted_range max', testCall('accepted_range', 'amount', { max_value: 20 }), 1],
    ['accepted_range both bounds', testCall('accepted_range', 'amount', { min_value: 0, max_value: 25 }), 2],
    ['accepted_range a SQL bound', testCall('dbt_utils.accepted_range', 'amount', { max_value: '10 + 10' }), 1],
    ['accepted_range passes a null', testCall('accepted_range', 'id', { min_value: 1 }), 0],
    [
      'accepted_range where:',
      testCall('accepted_range', 'amount', { min_value: 0, max_value: 20 }, { where: 'id is not null' }),
      1,
    ],
    ['dbt_expectations between', testCall(BETWEEN, 'amount', { min_value: 0, max_value: 30 }), 1],
    ['dbt_expectations strictly', testCall(BETWEEN, 'amount', { min_value: -5, max_value: 30, strictly: true }), 2],
    [
      'between, as an export names it',
      testCall('expect_column_values_to_be_between', 'amount', { min_value: 0, max_value: 30 }),
      1,
    ],
    ['dbt_expectations row_condition', testCall(BETWEEN, 'amount', { min_value: 0, row_condition: 'id = 1' }), 0],
    ['grain fails on a duplicated key', testCall('grain', undefined, { columns: ['id'] }), 1],
    ['grain passes a unique pair', testCall('grain', undefined, { columns: ['id', 'code'] }), 0],
    ['grain counts a null grain as distinct', testCall('grain', undefined, { columns: ['b'] }, { relation: '"g"' }), 0],
    ['grain counts repeated null grains', testCall('grain', undefined, { columns: ['a'] }, { relation: '"g"' }), 1],
    ['grain with where:', testCall('grain', undefined, { columns: ['id'] }, { where: 'code is not null' }), 0],
  ];

  it.each(cases)('%s', async (_label, call, failures) => {
    expect(await failingRows(call)).toHaveLength(failures);
  });

  it('runs every known test name', () => {
    const tested = new Set(cases.map(([, call]) => call.name));
    expect(GENERIC_TEST_NAMES.filter((name) => !tested.has(name))).toEqual([]);
  });

  it('grain reports both counts', async () => {
    expect(await failingRows(testCall('grain', undefined, { columns: ['id'] }))).toEqual([
      { row_count: 4, distinct_count: 3 },
    ]);
  });
});

describe('compileGenericTest SQL text', () => {
  const cases: [string, GenericTestCall, string][] = [
    ['not_null', testCall('not_null', 'id'), 'where "id" is null'],
    ['quoted column', testCall('not_null', 'we"ird'), 'where "we""ird" is null'],
    ['where:', testCall('not_null', 'id', {}, { where: 'x > 0' }), 'from (select * from "t" where x > 0) dbt_subquery'],
    ['unique', testCall('unique', 'id'), 'having count(*) > 1'],
    ['values', testCall('accepted_values', 'c', { values: ['a', "it's"] }), "not in ('a', 'it''s')"],
    ['quote: false', testCall('accepted_values', 'c', { values: [1, 2], quote: false }), 'not in (1, 2)'],
    ['relationships', testCall('relationships', 'c', { ...TO_P, field: 'c' }), 'where parent.to_field is null'],
    ['column expression', testCall('expression_is_true', 'x', { expression: '>= 0' }), 'where not ("x" >= 0)'],
    ['strict range', testCall('accepted_range', 'x', { min_value: 0, inclusive: false }), 'not ("x" > 0)'],
  ];
  it.each(cases)('%s', (_label, call, fragment) => {
    expect(compileGenericTest(call)).toContain(fragment);
  });
});

describe('compileGenericTest errors', () => {
  const cases: [string, GenericTestCall, RegExp][] = [
    ['missing values', testCall('accepted_values', 'c'), /'accepted_values' on "t"\."c" needs 'values'/],
    ['empty values', testCall('accepted_values', 'c', { values: [] }), /needs 'values': a non-empty list/],
    ['bad quote', testCall('accepted_values', 'c', { values: ['a'], quote: 'no' }), /'quote' must be true/],
    ['unknown name', testCall('not_nul'), /Unknown test 'not_nul'\. Known tests: not_null, unique, .*dbt_utils\./],
    ['missing column', testCall('not_null'), /needs a column/],
    ['missing field', testCall('relationships', 'c', TO_P), /needs 'field'/],
    ['no bounds', testCall('accepted_range', 'c'), /needs 'min_value' or 'max_value'/],
    ['no columns', testCall('grain', undefined, { columns: 'id' }), /needs 'columns': a non-empty list/],
  ];
  it.each(cases)('%s', (_label, call, message) => {
    expect(() => compileGenericTest(call)).toThrow(GenericTestError);
    expect(() => compileGenericTest(call)).toThrow(message);
  });
});

describe('genericTestNodeName', () => {
  const cases: [Parameters<typeof genericTestNodeName>[0], string][] = [
    [
      { name: 'not_null', modelName: 'dim__school', column: 'school_code', args: {} },
      'not_null_dim__school_school_code',
    ],
    [
      {
        name: 'accepted_values',
        modelName: 'dim__school',
        column: 'level',
        args: { values: ['Primary School', 'Special/SSP'] },
      },
      'accepted_values_dim__school_level__Primary_School__Special_SSP',
    ],
    [
      {
        name: 'relationships',
        modelName: 'fct_x',
        column: 'school_code',
        args: { to: "ref('dim__school')", field: 'school_code' },
      },
      'relationships_fct_x_school_code__school_code__ref_dim__school_',
    ],
    [
      {
        name: 'accepted_values',
        modelName: 'm',
        column: 'id',
        args: { values: [1, 2], quote: false, severity: 'warn' },
      },
      'accepted_values_m_id__False__1__2',
    ],
    [
      { name: 'dbt_utils.expression_is_true', modelName: 'fct_x', args: { expression: 'amount >= 0' } },
      'dbt_utils_expression_is_true_fct_x_amount_0',
    ],
  ];
  it.each(cases)('%j', (call, expected) => {
    expect(genericTestNodeName(call)).toBe(expected);
  });

  it('shortens a name of 64 characters or more with a stable hash of the full name', () => {
    const values = ['Primary School', 'Secondary School'];
    const call = { name: 'accepted_values', modelName: 'dim__school', column: 'level', args: { values } };
    const name = genericTestNodeName(call);
    const fullName = 'accepted_values_dim__school_level__Primary_School__Secondary_School';
    expect(name).toBe(`accepted_values_dim__school_level__Primary_School__Sec_${hashString(fullName)}`);
    expect(name).toHaveLength(63);
    expect(genericTestNodeName(call)).toBe(name);
    const other = genericTestNodeName({ ...call, args: { values: [...values, 'Other'] } });
    expect(other).not.toBe(name);
    expect(other.slice(0, -9)).toBe(name.slice(0, -9));
  });
});

describe('hashString', () => {
  it.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
    ['é', '1e9de8c1'],
    ['😀', '33a29608'],
  ])('FNV-1a of %j is %s', (text, hash) => {
    expect(hashString(text)).toBe(hash);
  });
});
