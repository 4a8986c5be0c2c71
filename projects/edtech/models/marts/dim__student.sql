-- One row per learner: who they are, how old they are today, and when they first enrolled.
with first_enrollment as (
    select student_id, min(enrolled_on) as first_enrolled_on, count(*) as enrollment_count
    from {{ ref('stg__edtech__enrollments') }}
    group by student_id
)

select
    students.student_id,
    students.first_name || ' ' || students.last_name as full_name,
    students.first_name,
    students.last_name,
    students.email,
    students.state,
    students.date_of_birth,
    -- Whole years lived: date_sub counts complete years, so a birthday tomorrow does not count yet.
    date_sub('year', students.date_of_birth, {{ today() }}) as age,
    date_sub('year', students.date_of_birth, {{ today() }}) >= 18 as is_adult,
    students.registered_on,
    first_enrollment.first_enrolled_on,
    year(first_enrollment.first_enrolled_on) as enrollment_year,
    {{ today() }} - first_enrollment.first_enrolled_on as days_since_first_enrollment,
    coalesce(first_enrollment.enrollment_count, 0) as enrollment_count
from {{ ref('stg__edtech__students') }} as students
left join first_enrollment on first_enrollment.student_id = students.student_id
