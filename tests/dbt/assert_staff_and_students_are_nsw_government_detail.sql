-- The original's unit test (fct__student keeps only NSW government rows), as a data test over both ACARA
-- facts: fct__staff and fct__student hold NSW government schools only, and only detail rows (no `All`,
-- `All non-government`, `All staff`, `All non-teaching staff` or `Australia` aggregates). The facts drop the
-- state and sector columns, so each fact row is matched back to staging on its whole grain AND its count.
-- Run against the original, it fails on fct__staff: that fact summed headcount and FTE rows (and aggregate
-- rows) into one count per year and attributes, so its rows match no NSW government detail row of staging
-- and every detail row is missing; a fact keeping other states, sectors or aggregates fails the same way.
-- It returns:
--   - fact rows that are not a NSW government detail row of staging, or that carry an aggregate label;
--   - NSW government detail rows of staging missing from the fact.
with staff_expected as (
    select calendar_year, school_level, staff_function, sex, fte_status, staff_count
    from {{ ref('stg__acara__staff_numbers') }}
    where state_territory = 'NSW' and school_sector = 'Government' and not is_aggregate
),

staff_actual as (
    select calendar_year, school_level, staff_function, sex, fte_status, staff_count
    from {{ ref('fct__staff') }}
),

student_expected as (
    select calendar_year, school_level, sex, indigenous_status, attendance_type, student_count
    from {{ ref('stg__acara__student_numbers') }}
    where state_territory = 'NSW' and school_sector = 'Government' and not is_aggregate
),

student_actual as (
    select calendar_year, school_level, sex, indigenous_status, attendance_type, student_count
    from {{ ref('fct__student') }}
)

select 'fct__staff' as fact, 'not a NSW government detail row' as problem, calendar_year,
    concat_ws(' / ', school_level, staff_function, sex, fte_status, staff_count) as row_values
from (select * from staff_actual except all select * from staff_expected)

union all

select 'fct__staff', 'NSW government detail row missing', calendar_year,
    concat_ws(' / ', school_level, staff_function, sex, fte_status, staff_count)
from (select * from staff_expected except all select * from staff_actual)

union all

select 'fct__staff', 'aggregate label', calendar_year,
    concat_ws(' / ', school_level, staff_function, sex, fte_status, staff_count)
from staff_actual
where 'All' in (school_level, staff_function, sex, fte_status)
    or staff_function in ('All staff', 'All non-teaching staff')

union all

select 'fct__student', 'not a NSW government detail row', calendar_year,
    concat_ws(' / ', school_level, sex, indigenous_status, attendance_type, student_count)
from (select * from student_actual except all select * from student_expected)

union all

select 'fct__student', 'NSW government detail row missing', calendar_year,
    concat_ws(' / ', school_level, sex, indigenous_status, attendance_type, student_count)
from (select * from student_expected except all select * from student_actual)

union all

select 'fct__student', 'aggregate label', calendar_year,
    concat_ws(' / ', school_level, sex, indigenous_status, attendance_type, student_count)
from student_actual
where 'All' in (school_level, sex, indigenous_status, attendance_type)
