-- Credits each learner enrolled for, pivoted by course level, with the total. Learners with no enrollment
-- have a row of zeros.
{%- set levels = ['Beginner', 'Intermediate', 'Advanced'] %}

select
    students.student_id,
    students.full_name,
    {%- for level in levels %}
    coalesce(sum(enrollments.credits) filter (where enrollments.course_level = '{{ level }}'), 0) as {{ level | lower }}_credits,
    {%- endfor %}
    coalesce(sum(enrollments.credits), 0) as total_credits
from {{ ref('dim__student') }} as students
left join {{ ref('fct__enrollment') }} as enrollments on enrollments.student_id = students.student_id
group by all
