/**
 * The SQL of dbt's generic data tests. Each test compiles to one SELECT that returns the failing rows: the
 * test fails (or warns) when it returns any, and its "failures" is the row count. The SQL follows dbt-core
 * 1.8's built-in tests and dbt_utils' macros, so results match `dbt test` on the same data.
 */
import { quoteIdentifier, quoteLiteral } from '../sql/quote.ts';
import { hashString } from '../text/hash.ts';

/** A generic test as declared in YAML, with its arguments resolved. */
export interface GenericTestCall {
  /** The test, e.g. `not_null` or `dbt_utils.expression_is_true`; one of {@link GENERIC_TEST_NAMES}. */
  name: string;
  /** The tested model or source relation, already quoted, e.g. `"dim__school"`. */
  relation: string;
  /** The tested column, unquoted (column-level tests); it is quoted here. */
  column?: string;
  /**
   * Keyword arguments from YAML: `values` and `quote` (accepted_values); `to` (an already quoted relation)
   * and `field` (relationships); `expression` (expression_is_true); `combination_of_columns`
   * (unique_combination_of_columns); `min_value`, `max_value`, `inclusive` (accepted_range; also
   * dbt_expectations' `strictly` and `row_condition`); `columns` (grain).
   */
  args: Record<string, unknown>;
  /** Config `where:`, raw SQL filtering the tested relation (for relationships, the child side only). */
  where?: string;
}

/** A generic test that cannot be compiled: an unknown name or a missing or wrong argument. */
export class GenericTestError extends Error {
  override readonly name = 'GenericTestError';
}

type Compile = (call: GenericTestCall, model: string) => string;

const COMPILERS = new Map<string, Compile>([
  ['not_null', (call, model) => `select *\nfrom ${model}\nwhere ${column(call)} is null`],
  ['unique', compileUnique],
  ['accepted_values', compileAcceptedValues],
  ['relationships', compileRelationships],
  ['expression_is_true', compileExpressionIsTrue],
  ['unique_combination_of_columns', compileUniqueCombination],
  ['accepted_range', compileAcceptedRange],
  ['grain', compileGrain],
]);

/** Package-qualified names that run one of the tests above. */
const ALIASES = new Map<string, string>([
  ['dbt_utils.expression_is_true', 'expression_is_true'],
  ['dbt_utils.unique_combination_of_columns', 'unique_combination_of_columns'],
  ['dbt_utils.accepted_range', 'accepted_range'],
  ['dbt_expectations.expect_column_values_to_be_between', 'accepted_range'],
  // How a dbt export (src/core/export) spells it: a project test, as the package is not installed there.
  ['expect_column_values_to_be_between', 'accepted_range'],
]);

/** Every test name {@link compileGenericTest} accepts, package-qualified aliases included. */
export const GENERIC_TEST_NAMES: readonly string[] = [...COMPILERS.keys(), ...ALIASES.keys()];

/** Compile a generic test to a SELECT of its failing rows; throws {@link GenericTestError} on bad input. */
export function compileGenericTest(call: GenericTestCall): string {
  const compile = COMPILERS.get(ALIASES.get(call.name) ?? call.name);
  if (!compile) {
    throw new GenericTestError(`Unknown test '${call.name}'. Known tests: ${GENERIC_TEST_NAMES.join(', ')}.`);
  }
  // dbt wraps the relation exactly like this when a test has `where:` (dbt-core's get_where_subquery).
  const model = call.where?.trim()
    ? `(select * from ${call.relation} where ${call.where}) dbt_subquery`
    : call.relation;
  return compile(call, model);
}

function compileUnique(call: GenericTestCall, model: string): string {
  const col = column(call);
  return `select ${col} as unique_field, count(*) as n_records
from ${model}
where ${col} is not null
group by ${col}
having count(*) > 1`;
}

/** Grouped by value like dbt; a null is never a failure, because `null not in (...)` is null. */
function compileAcceptedValues(call: GenericTestCall, model: string): string {
  const col = column(call);
  const values = call.args.values;
  if (!Array.isArray(values) || values.length === 0) throw fail(call, "needs 'values': a non-empty list");
  const quote = booleanArg(call, 'quote', true);
  const list = values.map((value: unknown) => {
    if (!['string', 'number', 'bigint', 'boolean'].includes(typeof value)) {
      throw fail(call, `'values' may hold only strings, numbers and booleans, not ${describeValue(value)}`);
    }
    return quote ? quoteLiteral(String(value)) : String(value);
  });
  return `with all_values as (
  select ${col} as value_field, count(*) as n_records
  from ${model}
  group by ${col}
)
select *
from all_values
where value_field not in (${list.join(', ')})`;
}

function compileRelationships(call: GenericTestCall, model: string): string {
  const col = column(call);
  const to = stringArg(call, 'to');
  const field = quoteIdentifier(stringArg(call, 'field'));
  return `with child as (
  select ${col} as from_field
  from ${model}
  where ${col} is not null
),
parent as (
  select ${field} as to_field
  from ${to}
)
select from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null`;
}

/** dbt_utils appends a column-level expression to the column: column `x`, expression `>= 0` → `x >= 0`. */
function compileExpressionIsTrue(call: GenericTestCall, model: string): string {
  const expression = stringArg(call, 'expression');
  const condition = call.column === undefined ? expression : `${column(call)} ${expression}`;
  return `select *\nfrom ${model}\nwhere not (${condition})`;
}

function compileUniqueCombination(call: GenericTestCall, model: string): string {
  const columns = columnListArg(call, 'combination_of_columns').join(', ');
  return `select ${columns}, count(*) as n_records
from ${model}
group by ${columns}
having count(*) > 1`;
}

/**
 * Bounds are raw SQL like dbt_utils' (numbers, or expressions such as `'2020-01-01'::date`). A null value
 * is not a failure. dbt_expectations spells `inclusive: false` as `strictly: true`, and adds `row_condition`.
 */
function compileAcceptedRange(call: GenericTestCall, model: string): string {
  const col = column(call);
  const min = boundArg(call, 'min_value');
  const max = boundArg(call, 'max_value');
  if (min === undefined && max === undefined) throw fail(call, "needs 'min_value' or 'max_value' (or both)");
  const inclusive = booleanArg(call, 'inclusive', !booleanArg(call, 'strictly', false));
  const equal = inclusive ? '=' : '';
  const outside: string[] = [];
  if (min !== undefined) outside.push(`not (${col} >${equal} ${min})`);
  if (max !== undefined) outside.push(`not (${col} <${equal} ${max})`);
  const rowCondition = call.args.row_condition === undefined ? undefined : stringArg(call, 'row_condition');
  const where = rowCondition ? `(${rowCondition}) and (${outside.join(' or ')})` : outside.join(' or ');
  return `select *\nfrom ${model}\nwhere ${where}`;
}

/**
 * One row when the row count differs from the number of distinct grains. `select distinct` treats nulls as
 * equal, so grains containing nulls are counted too (unlike `count(distinct ...)`, which skips them).
 */
function compileGrain(call: GenericTestCall, model: string): string {
  const columns = columnListArg(call, 'columns').join(', ');
  return `with grain_counts as (
  select
    (select count(*) from ${model}) as row_count,
    (select count(*) from (select distinct ${columns} from ${model}) grain_values) as distinct_count
)
select row_count, distinct_count
from grain_counts
where row_count <> distinct_count`;
}

function column(call: GenericTestCall): string {
  if (!call.column) throw fail(call, 'needs a column: it is a column-level test');
  return quoteIdentifier(call.column);
}

function stringArg(call: GenericTestCall, key: string): string {
  const value = call.args[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw fail(call, `needs '${key}': a non-empty string, not ${describeValue(value)}`);
  }
  return value;
}

function columnListArg(call: GenericTestCall, key: string): string[] {
  const value = call.args[key];
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item)) {
    throw fail(call, `needs '${key}': a non-empty list of column names, not ${describeValue(value)}`);
  }
  return value.map((name: string) => quoteIdentifier(name));
}

function booleanArg(call: GenericTestCall, key: string, fallback: boolean): boolean {
  const value = call.args[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw fail(call, `'${key}' must be true or false, not ${describeValue(value)}`);
  return value;
}

function boundArg(call: GenericTestCall, key: string): string | undefined {
  const value = call.args[key];
  if (value === undefined || value === null) return undefined;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw fail(call, `'${key}' must be a number or a SQL expression, not ${describeValue(value)}`);
}

function fail(call: GenericTestCall, problem: string): GenericTestError {
  const on = call.column ? `${call.relation}.${quoteIdentifier(call.column)}` : call.relation;
  return new GenericTestError(`Test '${call.name}' on ${on} ${problem}.`);
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'bigint' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** The maximum length of a test name plus one: dbt keeps names under 64 characters (file paths, aliases). */
const NAME_LIMIT = 64;

/** Config keys that dbt moves out of a test's arguments, so they never appear in its name. */
const CONFIG_KEYS = new Set([
  ...['model', 'name', 'config', 'severity', 'tags', 'enabled', 'where', 'limit', 'meta', 'warn_if', 'error_if'],
  ...['fail_calc', 'store_failures', 'store_failures_as', 'database', 'schema', 'alias'],
]);

/**
 * dbt's name for a generic test node (dbt-core's synthesize_generic_test_names): test, model, then the
 * arguments sorted by key and flattened, joined by `__`, e.g. `not_null_dim__school_school_code`. Names of
 * 64 characters or more keep their first 54 and end with an FNV-1a hash of the full name (dbt uses MD5).
 */
export function genericTestNodeName(call: {
  /** The test, as in {@link GenericTestCall.name}; a package prefix `pkg.` becomes `pkg_` like dbt. */
  name: string;
  /** The tested model (for a source, dbt uses `source_table`). */
  modelName: string;
  /** The tested column, if column-level. */
  column?: string;
  /** The test's arguments from YAML, unresolved (e.g. `to: "ref('dim__school')"`). */
  args: Record<string, unknown>;
}): string {
  const args: Record<string, unknown> = { ...call.args };
  if (call.column !== undefined) args.column_name = call.column;
  const parts = Object.keys(args)
    .filter((key) => !CONFIG_KEYS.has(key))
    .sort()
    .flatMap((key) => flattenArg(args[key]));
  const fullName = sanitizeName(`${call.name}_${call.modelName}_${parts.join('__')}`);
  if (fullName.length < NAME_LIMIT) return fullName;
  const hash = hashString(fullName);
  return `${fullName.slice(0, NAME_LIMIT - hash.length - 2).replace(/_+$/, '')}_${hash}`;
}

/** Like dbt: a list gives its items, a mapping its values, anything else itself, each as Python's `str`. */
function flattenArg(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'object' && value ? Object.values(value) : [value];
  return items.map(pythonString);
}

function pythonString(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function sanitizeName(text: string): string {
  return text.replace(/[^0-9A-Za-z_]+/g, '_');
}
