-- One row per school in the current master-dataset extract and the year of that extract (grain:
-- school_code, calendar_year), with school_cnt = 1 so "number of schools" is a plain sum, and the
-- school's latest-year enrolment FTE. The year is that of Date_extracted, or of the load when the
-- extract has no date.
with schools as (
    select
        school_code,
        cast(year(coalesce(date_extracted, _load_timestamp::date)) as integer) as calendar_year,
        latest_year_enrolment_fte
    from {{ ref('prep__school') }}
),

dim_school as (
    select _meta__dim__school__sk, school_code
    from {{ ref('dim__school') }}
)

select
    {{ fact_grain_key(['schools.school_code', 'schools.calendar_year']) }} as _meta__fct__school__sk,
    coalesce(dim_school._meta__dim__school__sk, md5('-1')) as _meta__dim__school__sk,
    schools.school_code,
    schools.calendar_year,
    1 as school_cnt,
    schools.latest_year_enrolment_fte,
    {{ audit_columns() }}
from schools
left join dim_school
    on dim_school.school_code = schools.school_code
order by schools.school_code, schools.calendar_year
