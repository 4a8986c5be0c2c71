/**
 * The generic tests this engine runs that dbt-core does not ship (dbt_utils' and our `grain`), as dbt
 * `{% test %}` blocks. An export writes them into the project, so `dbt build` needs no `dbt deps` and no
 * network. Each block returns the same failing rows as its compiler in src/core/data-tests/generic-tests.ts.
 */

/** One generic test definition for an exported project. */
export interface TestMacro {
  /** The test's name in YAML (unqualified), e.g. `accepted_range`. */
  name: string;
  /** The package-qualified names the export rewrites to `name`, e.g. `dbt_utils.accepted_range`. */
  qualified: string[];
  /** The file's text: one `{% test %}` block. */
  sql: string;
}

const RANGE_BODY = `{%- set equal = '=' if inclusive else '' -%}
{%- set outside = [] -%}
{%- if min_value is not none -%}{%- do outside.append('not (' ~ column_name ~ ' >' ~ equal ~ ' ' ~ min_value ~ ')') -%}{%- endif -%}
{%- if max_value is not none -%}{%- do outside.append('not (' ~ column_name ~ ' <' ~ equal ~ ' ' ~ max_value ~ ')') -%}{%- endif %}
select *
from {{ model }}
where {% if row_condition %}({{ row_condition }}) and ({{ outside | join(' or ') }}){% else %}{{ outside | join(' or ') }}{% endif %}`;

/** Every generic test an export defines, in file order. */
export const TEST_MACROS: readonly TestMacro[] = [
  {
    name: 'expression_is_true',
    qualified: ['dbt_utils.expression_is_true'],
    sql: `{% test expression_is_true(model, expression, column_name=none) %}
select *
from {{ model }}
where not ({% if column_name %}{{ column_name }} {% endif %}{{ expression }})
{% endtest %}
`,
  },
  {
    name: 'unique_combination_of_columns',
    qualified: ['dbt_utils.unique_combination_of_columns'],
    sql: `{% test unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
select {{ combination_of_columns | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}
`,
  },
  {
    name: 'accepted_range',
    qualified: ['dbt_utils.accepted_range'],
    sql: `{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true, row_condition=none) %}
${RANGE_BODY}
{% endtest %}
`,
  },
  {
    name: 'expect_column_values_to_be_between',
    qualified: ['dbt_expectations.expect_column_values_to_be_between'],
    sql: `{% test expect_column_values_to_be_between(model, column_name, min_value=none, max_value=none, strictly=false, row_condition=none) %}
{%- set inclusive = not strictly -%}
${RANGE_BODY}
{% endtest %}
`,
  },
  {
    name: 'grain',
    qualified: [],
    sql: `{#- One row when the row count differs from the number of distinct grains (nulls count as values). -#}
{% test grain(model, columns) %}
with grain_counts as (
  select
    (select count(*) from {{ model }}) as row_count,
    (select count(*) from (select distinct {{ columns | join(', ') }} from {{ model }}) grain_values) as distinct_count
)
select row_count, distinct_count
from grain_counts
where row_count <> distinct_count
{% endtest %}
`,
  },
];

/**
 * YAML with each package-qualified test name the export defines (`- dbt_utils.accepted_range:`) written
 * unqualified, so dbt finds the project's own test instead of a package that is not installed.
 */
export function unqualifyTestNames(yaml: string): string {
  let text = yaml;
  for (const macro of TEST_MACROS)
    for (const name of macro.qualified) {
      const escaped = name.replace('.', '\\.');
      text = text.replace(new RegExp(`^(\\s*-\\s+)${escaped}(?=\\s*:|\\s*$)`, 'gm'), `$1${macro.name}`);
      text = text.replace(new RegExp(`^(\\s*(?:-\\s+)?test_name:\\s*)${escaped}\\s*$`, 'gm'), `$1${macro.name}`);
    }
  return text;
}
