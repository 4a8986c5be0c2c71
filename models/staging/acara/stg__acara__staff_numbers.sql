-- ACARA National Report on Schooling staff numbers: one row per year, state/territory, school sector, school
-- level, staff function, sex and FTE status, as published, typed. The workbook mixes detail rows with
-- aggregate rows (`All` sectors/levels/sexes, `All non-government`, `All staff`, `All non-teaching staff`,
-- and the `Australia` total): they are KEPT here and flagged, so downstream models drop them before summing
-- (the original mixed them in). `fte_status` is a measure type, not an aggregate: `Headcount` counts people,
-- `Full-time equivalent` their workload; never add the two. Counts arrive as text, sometimes with thousands
-- separators (`1,288`); suppressed codes become NULL.
with source as (
    select * from {{ source('acara', 'staff_numbers') }}
),

typed as (
    select
        try_cast(trim("Calendar Year") as integer) as calendar_year,
        trim("State/territory") as state_territory,
        trim("School sector") as school_sector,
        trim("School level") as school_level,
        trim("Staff function") as staff_function,
        trim("Sex/gender") as sex,
        trim("FTE Status") as fte_status,
        try_cast(replace(trim("Staff count"), ',', '') as double) as staff_count,
        _source,
        _load_timestamp
    from source
)

select
    calendar_year,
    state_territory,
    school_sector,
    school_level,
    staff_function,
    sex,
    fte_status,
    staff_count,
    state_territory = 'Australia' as is_state_aggregate,
    school_sector in ('All', 'All non-government') as is_sector_aggregate,
    school_level = 'All' as is_school_level_aggregate,
    staff_function in ('All staff', 'All non-teaching staff') as is_staff_function_aggregate,
    sex = 'All' as is_sex_aggregate,
    (
        state_territory = 'Australia'
        or school_sector in ('All', 'All non-government')
        or school_level = 'All'
        or staff_function in ('All staff', 'All non-teaching staff')
        or sex = 'All'
    ) as is_aggregate,
    _source,
    _load_timestamp
from typed
