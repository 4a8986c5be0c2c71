-- The school dimension: one row per school, keyed by md5 of the school code.
select
    md5(school_code::varchar) as _meta__dim__school__sk,
    school_code,
    school_name,
    street,
    town_suburb,
    postcode,
    level_of_schooling,
    selective_school,
    school_gender,
    lga,
    latest_year_enrolment_fte,
    icsea_value,
    latitude,
    longitude
from {{ ref('stg__nsw_doe_datansw__master_dataset') }}
