-- Nobody enrolls in a run after it ended, or before they registered.
select enrollments.enrollment_id, enrollments.enrolled_on, courses.end_date, students.registered_on
from {{ ref('fct__enrollment') }} as enrollments
join {{ ref('dim__course') }} as courses using (course_id)
join {{ ref('dim__student') }} as students using (student_id)
where enrollments.enrolled_on > courses.end_date
   or enrollments.enrolled_on < students.registered_on
