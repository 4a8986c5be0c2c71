-- Course runs, typed: the Y/N flag as a boolean, the course number pulled out of its code (DATA210 → 210).
select
    course_id,
    course_code,
    course_name,
    subject,
    cast(regexp_extract(course_code, '[0-9]+$') as integer) as course_number,
    cast(credits as integer) as credits,
    cast(start_date as date) as start_date,
    cast(end_date as date) as end_date,
    upper(trim(is_active)) = 'Y' as is_active
from {{ ref('courses') }}
