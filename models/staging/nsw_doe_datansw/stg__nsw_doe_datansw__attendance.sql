-- Student attendance rate by school: one row per school and year, Semester 1, as the published
-- percentage 0–100 (docs/data-hub-sources.md §3). The wide year columns (`2011` … `2019`, `2021`, … —
-- there is no 2020) are unpivoted by pattern, so a new year needs no edit.
--
-- - Dropped: the state total row (`NSW government`, blank school code) and blank cells (the school did
--   not report that year, e.g. schools for specific purposes before 2021).
-- - Kept with a NULL `attendance_pct`: `sp` (suppressed) and `na` (not applicable), so a school's
--   suppressed years stay visible; `attendance_code` says which. fct__attendance keeps measured rates only.
-- - Series breaks (see dim__calendar_year.series_note): 2018 moved to the national standards; 2021 is not
--   comparable with earlier years.
with source as (
    select * from {{ source('nsw_doe_datansw', 'attendance') }}
),

schools as (
    select
        try_cast(trim(school_code) as integer) as school_code,
        trim(school_name) as school_name,
        columns('^\s*\d{4}\s*$'),
        _source,
        _load_timestamp
    from source
    where try_cast(trim(school_code) as integer) is not null
        and coalesce(trim(school_name), '') <> 'NSW government'
),

unpivoted as (
    select *
    from schools
    unpivot (value_text for year_label in (columns('^\s*\d{4}\s*$')))
)

select
    school_code,
    school_name,
    cast(trim(year_label) as integer) as calendar_year,
    try_cast(trim(value_text) as double) as attendance_pct,
    case when try_cast(trim(value_text) as double) is null then lower(trim(value_text)) end as attendance_code,
    _source,
    _load_timestamp
from unpivoted
where nullif(trim(value_text), '') is not null
