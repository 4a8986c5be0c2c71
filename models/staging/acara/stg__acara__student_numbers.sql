-- ACARA National Report on Schooling student numbers: one row per year, state/territory, school sector,
-- school level, sex, Aboriginal and Torres Strait Islander status and full-time/part-time status, as
-- published, typed. Aggregate rows (`All` in any attribute, `All non-government`, the `Australia` total) are
-- KEPT here and flagged so downstream models drop them before summing. Counts arrive as text, sometimes with
-- thousands separators (`13,568`); the three proportions are published as percentages and become 0–1.
with source as (
    select * from {{ source('acara', 'student_numbers') }}
),

typed as (
    select
        try_cast(trim("Calendar Year") as integer) as calendar_year,
        trim("State/territory") as state_territory,
        trim("School sector") as school_sector,
        trim("School level") as school_level,
        trim("Sex/gender") as sex,
        trim("Aboriginal or Torres Strait Islander status") as indigenous_status,
        trim("Full-time/part-time status") as attendance_type,
        try_cast(replace(trim("Student count"), ',', '') as double) as student_count,
        round(try_cast(replace(trim("Proportion of sector"), ',', '') as double) / 100, 8) as proportion_of_sector,
        round(try_cast(replace(trim("Proportion of state"), ',', '') as double) / 100, 8) as proportion_of_state,
        round(try_cast(replace(trim("Proportion of school level"), ',', '') as double) / 100, 8)
            as proportion_of_school_level,
        _source,
        _load_timestamp
    from source
)

select
    calendar_year,
    state_territory,
    school_sector,
    school_level,
    sex,
    indigenous_status,
    attendance_type,
    student_count,
    proportion_of_sector,
    proportion_of_state,
    proportion_of_school_level,
    state_territory = 'Australia' as is_state_aggregate,
    school_sector in ('All', 'All non-government') as is_sector_aggregate,
    school_level = 'All' as is_school_level_aggregate,
    sex = 'All' as is_sex_aggregate,
    indigenous_status = 'All' as is_indigenous_status_aggregate,
    attendance_type = 'All' as is_attendance_type_aggregate,
    (
        state_territory = 'Australia'
        or school_sector in ('All', 'All non-government')
        or school_level = 'All'
        or sex = 'All'
        or indigenous_status = 'All'
        or attendance_type = 'All'
    ) as is_aggregate,
    _source,
    _load_timestamp
from typed
