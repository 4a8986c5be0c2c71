-- One row per course run: its level (from the course number: 1xx, 2xx, 3xx), whether it is offered, and
-- where it stands today.
select
    course_id,
    course_code,
    course_name,
    subject,
    course_number,
    case course_number // 100
        when 1 then 'Beginner'
        when 2 then 'Intermediate'
        when 3 then 'Advanced'
    end as course_level,
    credits,
    start_date,
    end_date,
    is_active,
    -- Negative once the run has started: how long ago it did.
    start_date - {{ today() }} as days_until_start,
    case
        when end_date < {{ today() }} then 'ended'
        when start_date > {{ today() }} then 'yet to start'
        else 'ongoing'
    end as course_status
from {{ ref('stg__edtech__courses') }}
