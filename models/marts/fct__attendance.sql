-- Semester 1 attendance rate, one row per school and year with a published rate (grain: school_code,
-- calendar_year), as a fraction 0–1 (the source publishes percentages). Suppressed (`sp`) and not
-- applicable (`na`) years have no rate and are left out here; they stay visible in
-- stg__nsw_doe_datansw__attendance. Averaging these rates across schools gives an average of school rates,
-- not a student-weighted rate. Series breaks: 2018 (national standards) and 2021 (not comparable); no 2020.
with attendance as (
    select school_code, calendar_year, attendance_pct
    from {{ ref('stg__nsw_doe_datansw__attendance') }}
    where attendance_pct is not null
),

dim_school as (
    select _meta__dim__school__sk, school_code
    from {{ ref('dim__school') }}
)

select
    {{ fact_grain_key(['attendance.school_code', 'attendance.calendar_year']) }} as _meta__fct__attendance__sk,
    coalesce(dim_school._meta__dim__school__sk, md5('-1')) as _meta__dim__school__sk,
    attendance.school_code,
    attendance.calendar_year,
    -- Rounded to 6 places: lossless for the published one-decimal percentages, without float noise.
    round(attendance.attendance_pct / 100.0, 6) as attendance_rate,
    {{ audit_columns() }}
from attendance
left join dim_school
    on dim_school.school_code = attendance.school_code
order by attendance.school_code, attendance.calendar_year
