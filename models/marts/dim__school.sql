-- The school dimension: one row per NSW government school in the current master-dataset extract, keyed by
-- md5 of the school code, every column lower snake_case (the original leaked the source's mixed case —
-- BUG 6), plus the missing member (key md5('-1'), school code -1, 'Missing <column>' in text columns,
-- NULL numbers and dates — BUG 7 fixed) that facts point at when a school code is not in this extract.
{%- set text_columns = [
    'school_name', 'street', 'town_suburb', 'postcode', 'phone', 'school_email', 'website',
    'level_of_schooling', 'selective_school', 'opportunity_class', 'school_specialty_type', 'school_subtype',
    'preschool_ind', 'distance_education', 'intensive_english_centre', 'school_gender', 'late_opening_school',
    'lga', 'electorate_from_2023', 'electorate_2015_2022', 'fed_electorate', 'operational_directorate',
    'principal_network', 'facs_district', 'local_health_district', 'aecg_region', 'asgs_remoteness',
    'assets_unit', 'sa4'
] %}

with schools as (
    select
        md5(school_code::varchar) as _meta__dim__school__sk,
        school_code,
        school_name,
        street,
        town_suburb,
        postcode,
        phone,
        school_email,
        website,
        latest_year_enrolment_fte,
        indigenous_pct,
        lbote_pct,
        icsea_value,
        level_of_schooling,
        selective_school,
        opportunity_class,
        school_specialty_type,
        school_subtype,
        preschool_ind,
        distance_education,
        intensive_english_centre,
        school_gender,
        late_opening_school,
        date_1st_teacher,
        lga,
        electorate_from_2023,
        electorate_2015_2022,
        fed_electorate,
        operational_directorate,
        principal_network,
        facs_district,
        local_health_district,
        aecg_region,
        asgs_remoteness,
        latitude,
        longitude,
        assets_unit,
        sa4,
        foei_value,
        date_extracted
    from {{ ref('prep__school') }}
),

missing_member as (
    {{ missing_member('_meta__dim__school__sk', 'school_code', text_columns) }}
),

with_missing_member as (
    select * from schools
    union all by name
    select * from missing_member
)

select
    *,
    {{ audit_columns() }}
from with_missing_member
order by school_code
