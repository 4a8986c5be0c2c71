-- Pins the fix of the original project's BUG 6: every column of every dimension and fact (tables named
-- dim__… and fct__…) is lower snake_case — lower-case letters, digits and underscores only.
--
-- How the original's logic fails it: its dim__school kept the source's column names (`School_code`,
-- `Latitude`, `Assets unit`), so information_schema lists them here (upper case, and a space).
--
-- information_schema has no ref, so the refs below only make this test run after every mart is built.
-- depends_on: {{ ref('dim__school') }} {{ ref('dim__calendar_year') }} {{ ref('fct__school') }} {{ ref('fct__resource_allocation') }}
-- depends_on: {{ ref('fct__attendance') }} {{ ref('fct__composite_class') }} {{ ref('fct__enrolment') }}
-- depends_on: {{ ref('fct__retention') }} {{ ref('fct__class') }} {{ ref('fct__apprenticeship_traineeship_training') }}
-- depends_on: {{ ref('fct__staff') }} {{ ref('fct__student') }}
select
    table_name,
    column_name
from information_schema.columns
where table_schema = 'main'
    and (starts_with(table_name, 'dim__') or starts_with(table_name, 'fct__'))
    and not regexp_full_match(column_name, '[a-z0-9_]+')

union all

-- It cannot pass by finding nothing.
select
    'fct__school' as table_name,
    '(table not found)' as column_name
where not exists (
    select 1
    from information_schema.columns
    where table_schema = 'main' and table_name = 'fct__school'
)
