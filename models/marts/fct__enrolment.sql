-- February census FTE enrolments, one row per school and census year (grain: school_code, calendar_year),
-- with the school's type from the resource that lists it. A school the master dataset does not know (closed
-- or in recess) keeps its row and points at the missing member of dim__school (md5('-1')).
with enrolment as (
    select * from {{ ref('prep__enrolment') }}
),

school as (
    select _meta__dim__school__sk, school_code from {{ ref('dim__school') }}
)

select
    {{ fact_grain_key(['enrolment.school_code', 'enrolment.calendar_year']) }} as _meta__fct__enrolment__sk,
    coalesce(school._meta__dim__school__sk, md5('-1')) as _meta__dim__school__sk,
    enrolment.school_code,
    enrolment.calendar_year,
    enrolment.school_type,
    enrolment.enrolment_fte,
    {{ audit_columns() }}
from enrolment
left join school
    on school.school_code = enrolment.school_code
