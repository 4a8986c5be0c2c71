-- February census FTE enrolments of every NSW government school, one row per school and census year: the
-- four published resources (primary, secondary, central/community, schools for specific purposes) unioned,
-- each tagged with its `school_type`. Years in which a school was not open (`-` in the source, NULL in
-- staging) carry no enrolment and are dropped here, so every row is a real census count.
with unioned as (
    select *, 'Primary' as school_type
    from {{ ref('stg__nsw_doe_datansw__enrolments_primary') }}
    union all by name
    select *, 'Secondary' as school_type
    from {{ ref('stg__nsw_doe_datansw__enrolments_secondary') }}
    union all by name
    select *, 'Central/Community' as school_type
    from {{ ref('stg__nsw_doe_datansw__enrolments_central') }}
    union all by name
    select *, 'Schools for Specific Purposes' as school_type
    from {{ ref('stg__nsw_doe_datansw__enrolments_ssp') }}
)

select
    school_code,
    calendar_year,
    school_type,
    school_name,
    directorate,
    enrolment_fte,
    footnote,
    _source,
    _load_timestamp
from unioned
where enrolment_fte is not null
