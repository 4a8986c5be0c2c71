-- Enrollments, typed.
select
    enrollment_id,
    student_id,
    course_id,
    cast(enrolled_on as date) as enrolled_on
from {{ ref('enrollments') }}
