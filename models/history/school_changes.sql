-- What changed between loads of the master dataset, read from the school snapshot: one row per school and
-- kind of change at the load that saw it. A version opens a school when it is the school's first (after the
-- first load, which only sets the baseline) or follows a deleted record; a deleted record closes it; a
-- version after a live one renames the school when its name differs and moves it when its coordinates or
-- LGA differ (both, when both changed).
with versions as (
    select
        *,
        row_number() over history as version,
        lag(school_name) over history as previous_name,
        lag(latitude) over history as previous_latitude,
        lag(longitude) over history as previous_longitude,
        lag(lga) over history as previous_lga,
        coalesce(lag(dbt_is_deleted) over history, 'False') as previous_deleted
    from {{ ref('school_snapshot') }}
    window history as (partition by school_code order by dbt_valid_from, dbt_is_deleted)
),

first_load as (
    select min(dbt_valid_from) as loaded_at from {{ ref('school_snapshot') }}
),

live_after_live as (
    select * from versions
    where dbt_is_deleted = 'False' and version > 1 and previous_deleted = 'False'
),

changes as (
    select dbt_valid_from as changed_at, school_code, school_name, lga, 'closed' as change,
        'no longer in the extract' as detail
    from versions
    where dbt_is_deleted = 'True'

    union all

    select dbt_valid_from, school_code, school_name, lga, 'opened',
        case when version = 1 then 'first in the extract' else 'back in the extract' end
    from versions
    where dbt_is_deleted = 'False'
        and (version = 1 or previous_deleted = 'True')
        and dbt_valid_from > (select loaded_at from first_load)

    union all

    select dbt_valid_from, school_code, school_name, lga, 'renamed', 'was ' || coalesce(previous_name, '(no name)')
    from live_after_live
    where school_name is distinct from previous_name

    union all

    select dbt_valid_from, school_code, school_name, lga, 'moved',
        case
            when lga is distinct from previous_lga
                then 'LGA ' || coalesce(previous_lga, '(none)') || ' → ' || coalesce(lga, '(none)')
            else 'from ' || coalesce(round(previous_latitude, 5)::varchar, '?') || ', '
                || coalesce(round(previous_longitude, 5)::varchar, '?') || ' to '
                || coalesce(round(latitude, 5)::varchar, '?') || ', ' || coalesce(round(longitude, 5)::varchar, '?')
        end
    from live_after_live
    where lga is distinct from previous_lga
        or latitude is distinct from previous_latitude
        or longitude is distinct from previous_longitude
)

select changed_at, change, school_code, school_name, lga, detail
from changes
