-- Enrollments per course run per month, pivoted: one row per course run and year, one column per month
-- (the dbt_utils.pivot pattern, written out with a loop so the columns are fixed).
{%- set months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] %}

select
    enrollments.course_id,
    courses.course_code,
    enrollments.enrollment_year,
    {%- for month in months %}
    count(*) filter (where month(enrollments.enrolled_on) = {{ loop.index }}) as {{ month }},
    {%- endfor %}
    count(*) as total
from {{ ref('fct__enrollment') }} as enrollments
join {{ ref('dim__course') }} as courses on courses.course_id = enrollments.course_id
group by all
