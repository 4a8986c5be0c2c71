-- Bug 4 of the original: its staff fact summed `Staff count` over every row of a year, headcount and
-- full-time-equivalent rows together (and aggregate rows with them), so "staff count" was neither. Run
-- against the original, this returns every year: that fact had no `fte_status` (no Headcount total and no
-- FTE total to find), and its aggregate rows (`All`, `All staff`, …) were still in. It returns:
--   - a problem row if fct__staff does not hold exactly the two fte_status values;
--   - each year where the headcount or the FTE total is missing, or where headcount < FTE (a person counts
--     once in headcount and at most 1.0 in FTE, so the headcount total is never below the FTE total);
--   - every row whose attributes are an aggregate label (those must be dropped before summing).
with fte_statuses as (
    select count(distinct fte_status) as n_statuses,
        count(*) filter (where fte_status not in ('Headcount', 'Full-time equivalent')) as n_other
    from {{ ref('fct__staff') }}
),

by_year as (
    select
        calendar_year,
        sum(staff_count) filter (where fte_status = 'Headcount') as headcount,
        sum(staff_count) filter (where fte_status = 'Full-time equivalent') as fte
    from {{ ref('fct__staff') }}
    group by calendar_year
)

select
    null::integer as calendar_year,
    'fte_status holds ' || n_statuses || ' values (' || n_other || ' rows of another value), not Headcount and Full-time equivalent'
        as problem
from fte_statuses
where n_statuses <> 2 or n_other > 0

union all

select
    calendar_year,
    'headcount ' || coalesce(headcount::varchar, 'missing') || ' vs FTE ' || coalesce(fte::varchar, 'missing')
        as problem
from by_year
where headcount is null or fte is null or headcount < fte

union all

select
    calendar_year,
    'aggregate row: ' || concat_ws(' / ', school_level, staff_function, sex, fte_status) as problem
from {{ ref('fct__staff') }}
where school_level in ('All')
    or staff_function in ('All staff', 'All non-teaching staff')
    or sex in ('All')
