-- Students in NSW government schools (ACARA National Report on Schooling), one row per calendar year, school
-- level, sex, Aboriginal and Torres Strait Islander status and full-time/part-time status (the grain). Only
-- detail rows: every aggregate (`All` in any attribute, `All non-government`, the `Australia` total) is
-- dropped, so summing `student_count` over any attributes gives the right total.
with student as (
    select * from {{ ref('stg__acara__student_numbers') }}
    where state_territory = 'NSW'
        and school_sector = 'Government'
        and not is_aggregate
)

select
    {{ fact_grain_key(['calendar_year', 'school_level', 'sex', 'indigenous_status', 'attendance_type']) }}
        as _meta__fct__student__sk,
    calendar_year,
    school_level,
    sex,
    indigenous_status,
    attendance_type,
    student_count,
    {{ audit_columns() }}
from student
