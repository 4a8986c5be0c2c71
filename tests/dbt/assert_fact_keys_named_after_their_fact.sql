-- Bug 5 of the original: several facts called their key `_meta__fct__school__sk`, copied from fct__school, so
-- they had no key of their own and one that claimed to be another fact's. Run against the original's marts,
-- this returns each such fact twice: its own `_meta__fct__<fact>__sk` missing, and `_meta__fct__school__sk`
-- where it does not belong. It returns every table `fct__X` of the main schema without a column
-- `_meta__fct__X__sk`, and every other `_meta__fct__%` column of such a table.
-- It reads the catalogue, not the facts, so it names them to run after them:
-- depends_on: {{ ref('fct__school') }}, {{ ref('fct__resource_allocation') }}, {{ ref('fct__attendance') }},
-- {{ ref('fct__composite_class') }}, {{ ref('fct__enrolment') }}, {{ ref('fct__retention') }},
-- {{ ref('fct__class') }}, {{ ref('fct__apprenticeship_traineeship_training') }}, {{ ref('fct__staff') }},
-- {{ ref('fct__student') }}
with fact_columns as (
    select
        table_name,
        column_name
    from information_schema.columns
    where table_schema = 'main'
        and starts_with(table_name, 'fct__')
),

facts as (
    select distinct
        table_name,
        '_meta__' || table_name || '__sk' as own_key
    from fact_columns
)

select
    facts.table_name,
    'has no key named after it: ' || facts.own_key as problem
from facts
where not exists (
    select 1
    from fact_columns
    where fact_columns.table_name = facts.table_name
        and fact_columns.column_name = facts.own_key
)

union all

select
    fact_columns.table_name,
    'has another key: ' || fact_columns.column_name as problem
from fact_columns
inner join facts on facts.table_name = fact_columns.table_name
where starts_with(fact_columns.column_name, '_meta__fct__')
    and fact_columns.column_name <> facts.own_key
