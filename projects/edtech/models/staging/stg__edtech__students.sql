-- Learners, typed and tidied: names trimmed, the email lower-cased, dates as DATE.
select
    student_id,
    trim(first_name) as first_name,
    trim(last_name) as last_name,
    lower(trim(email)) as email,
    cast(date_of_birth as date) as date_of_birth,
    upper(state) as state,
    cast(registered_on as date) as registered_on
from {{ ref('students') }}
