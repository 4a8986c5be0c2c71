-- Multi-age or composite classes: one row per school and year (docs/data-hub-sources.md §4). The file is
-- wide with four columns per year, named with a two-digit suffix (`COMPOSITE_CLASS_COUNT_14`,
-- `COMPOSITE_CLASS_STUDENTS_14`, `PCT_COMPOSITE_CLASSES_14`, `PCT_COMPOSITE_CLASS_STUDENTS_14`, … no 2020).
-- Every such column is unpivoted by pattern, split into its family and `yy` (calendar year 2000 + yy), and
-- the four families are put back side by side, so a new year or a new column order needs no edit.
--
-- - The literal text `NULL` (percentages of a school with no classes that year) becomes NULL.
-- - Percentages stay as published (0–100); counts are integers.
-- - Dropped: the state totals row (`9999`, `NSW`), rows without an integer school code, and school-years
--   with all four values blank (the school did not report that year).
with source as (
    select * from {{ source('nsw_doe_datansw', 'composite_classes') }}
),

schools as (
    select
        try_cast(trim("School code") as integer) as school_code,
        trim("School Name") as school_name,
        columns('^(COMPOSITE_CLASS_(COUNT|STUDENTS)|PCT_COMPOSITE_CLASS(ES|_STUDENTS))_\d{2}$'),
        _source,
        _load_timestamp
    from source
    where try_cast(trim("School code") as integer) is not null
        and trim("School code") <> '9999'
),

unpivoted as (
    select
        school_code,
        school_name,
        -- Every unpivoted name matched `…_\d{2}$` above, so plain string functions split it: they cost about
        -- a third of regexp_extract here, and this view is read again by each of its tests.
        left(column_name, length(column_name) - 3) as family,
        2000 + cast(right(column_name, 2) as integer) as calendar_year,
        -- `NULL`, `np`, blanks and other non-numbers become NULL; thousands separators are dropped.
        try_cast(nullif(replace(trim(value_text), ',', ''), '') as double) as value,
        _source,
        _load_timestamp
    from schools
    unpivot include nulls (value_text for column_name in (
        columns('^(COMPOSITE_CLASS_(COUNT|STUDENTS)|PCT_COMPOSITE_CLASS(ES|_STUDENTS))_\d{2}$')
    ))
),

school_years as (
    select
        school_code,
        any_value(school_name) as school_name,
        calendar_year,
        max(value) filter (where family = 'COMPOSITE_CLASS_COUNT') as composite_class_count,
        max(value) filter (where family = 'COMPOSITE_CLASS_STUDENTS') as composite_class_students,
        max(value) filter (where family = 'PCT_COMPOSITE_CLASSES') as pct_composite_classes,
        max(value) filter (where family = 'PCT_COMPOSITE_CLASS_STUDENTS') as pct_composite_class_students,
        any_value(_source) as _source,
        any_value(_load_timestamp) as _load_timestamp
    from unpivoted
    group by school_code, calendar_year
)

select
    school_code,
    school_name,
    calendar_year,
    cast(composite_class_count as integer) as composite_class_count,
    cast(composite_class_students as integer) as composite_class_students,
    pct_composite_classes,
    pct_composite_class_students,
    _source,
    _load_timestamp
from school_years
where composite_class_count is not null
    or composite_class_students is not null
    or pct_composite_classes is not null
    or pct_composite_class_students is not null
