-- RAM funding, one row per school and funding year (grain: school_code, calendar_year), in dollars.
-- funding_original is coalesced across the per-year column names in prep__resource_allocation (BUG 1 fixed);
-- funding_post_adjustments is NULL for 2019–2020, which publish no post-adjustment figure. A school the
-- current master extract does not know (closed since) points at the missing member of dim__school.
with funding as (
    select * from {{ ref('prep__resource_allocation') }}
),

dim_school as (
    select _meta__dim__school__sk, school_code
    from {{ ref('dim__school') }}
)

select
    {{ fact_grain_key(['funding.school_code', 'funding.calendar_year']) }} as _meta__fct__resource_allocation__sk,
    coalesce(dim_school._meta__dim__school__sk, md5('-1')) as _meta__dim__school__sk,
    funding.school_code,
    funding.calendar_year,
    funding.funding_original,
    funding.funding_post_adjustments,
    {{ audit_columns() }}
from funding
left join dim_school
    on dim_school.school_code = funding.school_code
order by funding.school_code, funding.calendar_year
