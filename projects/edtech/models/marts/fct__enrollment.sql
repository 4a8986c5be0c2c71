-- One row per enrollment, with its course's credits, how long ago it was, and the learner's running count
-- of enrollments (1 for their first, 2 for their second, ...).
select
    enrollments.enrollment_id,
    enrollments.student_id,
    enrollments.course_id,
    enrollments.enrolled_on,
    year(enrollments.enrolled_on) as enrollment_year,
    cast(date_trunc('month', enrollments.enrolled_on) as date) as enrollment_month,
    {{ today() }} - enrollments.enrolled_on as days_since_enrollment,
    courses.credits,
    courses.course_level,
    count(*) over (
        partition by enrollments.student_id
        order by enrollments.enrolled_on, enrollments.enrollment_id
        rows between unbounded preceding and current row
    ) as student_running_enrollments
from {{ ref('stg__edtech__enrollments') }} as enrollments
join {{ ref('dim__course') }} as courses on courses.course_id = enrollments.course_id
