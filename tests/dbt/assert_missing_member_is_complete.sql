-- Pins the fix of the original project's BUG 7: the missing member of each dimension with one exists
-- exactly once, with key md5('-1'), natural key -1, 'Missing <column>' in EVERY text column and NULL in
-- every other column (audit columns aside). Columns and their types come from information_schema, so a
-- text column added to the dimension but forgotten in the missing_member() call fails here.
--
-- How the original's logic fails it: its missing-member macro misspelt a parameter name, so the values it
-- should have set were never applied and most non-text columns — the natural key included — came out
-- NULL: this test returns `school_code = NULL (expected -1)`. With mixed-case columns (BUG 6) its text
-- labels did not match the column names either.
--
-- dim__calendar_year is generated with every year of its range, so it has no missing member (facts join it
-- on calendar_year, checked by relationships tests).
{%- set dimensions = [
    {'model': 'dim__school', 'key': '_meta__dim__school__sk', 'natural_key': 'school_code'}
] %}
{% for dimension in dimensions %}
{%- set model = dimension['model'] %}
{%- set key = dimension['key'] %}
{%- set natural_key = dimension['natural_key'] %}
select
    '{{ model }}' as dimension,
    'rows with key md5(''-1''): ' || count(*) || ' (expected 1)' as problem
from {{ ref(model) }}
where {{ key }} = md5('-1')
having count(*) <> 1

union all

select
    '{{ model }}' as dimension,
    'rows with {{ natural_key }} -1: ' || count(*) || ' (expected 1)' as problem
from {{ ref(model) }}
where {{ natural_key }} = -1
having count(*) <> 1

union all

select
    '{{ model }}' as dimension,
    member.column_name || ' = ' || coalesce(member.value, 'NULL')
        || ' (expected ' || coalesce(member.expected, 'NULL') || ')' as problem
from (
    select
        cells.column_name,
        cells.value,
        case
            when cells.column_name = '{{ key }}' then md5('-1')
            when cells.column_name = '{{ natural_key }}' then '-1'
            when information_schema_columns.data_type = 'VARCHAR' then 'Missing ' || cells.column_name
        end as expected
    from (
        select *
        from (
            select columns(*)::varchar
            from {{ ref(model) }}
            where {{ key }} = md5('-1')
        )
        unpivot include nulls (value for column_name in (columns(*)))
    ) as cells
    inner join information_schema.columns as information_schema_columns
        on information_schema_columns.table_schema = 'main'
        and information_schema_columns.table_name = '{{ model }}'
        and information_schema_columns.column_name = cells.column_name
    where not starts_with(cells.column_name, '_audit__')
) as member
where member.value is distinct from member.expected
{% if not loop.last %}
union all
{% endif %}
{%- endfor %}
