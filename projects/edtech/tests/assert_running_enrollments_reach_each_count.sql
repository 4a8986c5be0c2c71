-- Each learner's running count of enrollments ends at their number of enrollments, and never skips or
-- repeats a number: the rows returned are learners where it does.
with per_student as (
    select
        student_id,
        max(student_running_enrollments) as last_running,
        count(distinct student_running_enrollments) as distinct_running,
        count(*) as enrollments
    from {{ ref('fct__enrollment') }}
    group by student_id
)

select per_student.*, students.enrollment_count
from per_student
join {{ ref('dim__student') }} as students using (student_id)
where last_running <> enrollments
   or distinct_running <> enrollments
   or students.enrollment_count <> enrollments
