-- The history of each school's identity and place across loads of the master dataset (a slowly changing
-- dimension, type 2): a new version when a listed attribute changes, and with hard_deletes='new_record' a
-- deleted version when a school leaves the extract. Enrolments, ICSEA and the extract date change with every
-- load, so they are not compared (a check on 'all' would version every school on every load).
{% snapshot school_snapshot %}
{{
    config(
        unique_key='school_code',
        strategy='check',
        check_cols=[
            'school_name', 'street', 'town_suburb', 'postcode', 'level_of_schooling',
            'school_specialty_type', 'lga', 'latitude', 'longitude'
        ],
        hard_deletes='new_record',
    )
}}

select
    school_code,
    school_name,
    street,
    town_suburb,
    postcode,
    level_of_schooling,
    school_specialty_type,
    lga,
    latitude,
    longitude,
    date_extracted
from {{ ref('stg__nsw_doe_datansw__master_dataset') }}
{% endsnapshot %}
