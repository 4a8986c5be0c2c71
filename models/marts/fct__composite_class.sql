-- Multi-age (composite) classes, one row per school and year (grain: school_code, calendar_year): how many
-- of the school's classes are composite classes and how many students are in them, and both as fractions
-- 0–1 of the school's classes and students (the source publishes percentages; `NULL` there — a school
-- with no classes counted that year — stays NULL). No 2020 data was published.
with composite as (
    select * from {{ ref('stg__nsw_doe_datansw__composite_classes') }}
),

dim_school as (
    select _meta__dim__school__sk, school_code
    from {{ ref('dim__school') }}
)

select
    {{ fact_grain_key(['composite.school_code', 'composite.calendar_year']) }} as _meta__fct__composite_class__sk,
    coalesce(dim_school._meta__dim__school__sk, md5('-1')) as _meta__dim__school__sk,
    composite.school_code,
    composite.calendar_year,
    composite.composite_class_count,
    composite.composite_class_students,
    -- Rounded to 6 places: lossless for the published one-decimal percentages, without float noise.
    round(composite.pct_composite_classes / 100.0, 6) as composite_class_pct,
    round(composite.pct_composite_class_students / 100.0, 6) as composite_class_student_pct,
    {{ audit_columns() }}
from composite
left join dim_school
    on dim_school.school_code = composite.school_code
order by composite.school_code, composite.calendar_year
