-- Staff in NSW government schools (ACARA National Report on Schooling), one row per calendar year, school
-- level, staff function, sex and FTE status (the grain). Only detail rows: every aggregate (`All`, `All
-- non-government`, `All staff`, `All non-teaching staff`, the `Australia` total) is dropped, so the rows
-- add up without double counting. `fte_status` keeps headcount and full-time equivalent apart: the original
-- summed both into one staff count (bug 4). Filter on one `fte_status` before summing `staff_count`.
with staff as (
    select * from {{ ref('stg__acara__staff_numbers') }}
    where state_territory = 'NSW'
        and school_sector = 'Government'
        and not is_aggregate
)

select
    {{ fact_grain_key(['calendar_year', 'school_level', 'staff_function', 'sex', 'fte_status']) }}
        as _meta__fct__staff__sk,
    calendar_year,
    school_level,
    staff_function,
    sex,
    fte_status,
    staff_count,
    {{ audit_columns() }}
from staff
