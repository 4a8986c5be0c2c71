-- NSW public schools master dataset: one row per government school, all 45 published columns typed and
-- renamed to lower snake_case (docs/data-hub-sources.md §1).
--
-- - The loader has already mapped the header's aliases and letter-case variants onto the catalogue's
--   canonical names (`Student_number` → `latest_year_enrolment_FTE`, `Assets_unit` → `Assets unit`,
--   `Electorate` → `electorate_from_2023`, `FOEI_value` → `FOEI_Value`, …). A canonical column the extract
--   does not have at all (older extracts: no `FOEI_Value`; the 2024 variant: no `Website`, `SA4`) is added
--   as NULL by with_text_columns, so the model does not break on header drift.
-- - Text is trimmed (`Town_suburb` arrives with trailing spaces) and blank text becomes NULL.
-- - Numbers use TRY_CAST: the suppression code `np` (count ≤ 5), blanks and any other non-number become
--   NULL. `latest_year_enrolment_FTE` keeps its binary-float noise (381.79999999999995) as DOUBLE.
-- - Dates are ISO `YYYY-MM-DD`; the 2024 variant's dd/mm/yyyy `Date_extracted` is read too.
-- - Rows without an integer school code (blank lines) are dropped.
{%- set columns = [
    'School_code', 'AgeID', 'School_name', 'Street', 'Town_suburb', 'Postcode', 'Phone', 'School_Email',
    'Website', 'Fax', 'latest_year_enrolment_FTE', 'Indigenous_pct', 'LBOTE_pct', 'ICSEA_value',
    'Level_of_schooling', 'Selective_school', 'Opportunity_class', 'School_specialty_type', 'School_subtype',
    'Support_classes', 'Preschool_ind', 'Distance_education', 'Intensive_english_centre', 'School_gender',
    'Late_opening_school', 'Date_1st_teacher', 'LGA', 'electorate_from_2023', 'electorate_2015_2022',
    'Fed_electorate', 'Operational_directorate', 'Principal_network', 'Operational_directorate_office',
    'Operational_directorate_office_phone', 'Operational_directorate_office_address', 'FACS_district',
    'Local_health_district', 'AECG_region', 'ASGS_remoteness', 'Latitude', 'Longitude', 'Assets unit', 'SA4',
    'FOEI_Value', 'Date_extracted'
] %}
{%- macro text(column) -%} nullif(trim("{{ column }}"), '') {%- endmacro %}
{%- macro number(column, type='double') -%} try_cast(trim("{{ column }}") as {{ type }}) {%- endmacro %}
{%- macro day(column) -%}
    coalesce(try_cast(trim("{{ column }}") as date), try_strptime(trim("{{ column }}"), '%d/%m/%Y')::date)
{%- endmacro %}

with source as (
    select * from {{ with_text_columns(source('nsw_doe_datansw', 'master_dataset'), columns) }}
)

select
    {{ number('School_code', 'integer') }} as school_code,
    {{ number('AgeID', 'integer') }} as age_id,
    {{ text('School_name') }} as school_name,
    {{ text('Street') }} as street,
    {{ text('Town_suburb') }} as town_suburb,
    {{ text('Postcode') }} as postcode,
    {{ text('Phone') }} as phone,
    {{ text('School_Email') }} as school_email,
    {{ text('Website') }} as website,
    {{ text('Fax') }} as fax,
    {{ number('latest_year_enrolment_FTE') }} as latest_year_enrolment_fte,
    {{ number('Indigenous_pct') }} as indigenous_pct,
    {{ number('LBOTE_pct') }} as lbote_pct,
    {{ number('ICSEA_value', 'integer') }} as icsea_value,
    {{ text('Level_of_schooling') }} as level_of_schooling,
    {{ text('Selective_school') }} as selective_school,
    {{ text('Opportunity_class') }} as opportunity_class,
    {{ text('School_specialty_type') }} as school_specialty_type,
    {{ text('School_subtype') }} as school_subtype,
    {{ text('Support_classes') }} as support_classes,
    {{ text('Preschool_ind') }} as preschool_ind,
    {{ text('Distance_education') }} as distance_education,
    {{ text('Intensive_english_centre') }} as intensive_english_centre,
    {{ text('School_gender') }} as school_gender,
    {{ text('Late_opening_school') }} as late_opening_school,
    {{ day('Date_1st_teacher') }} as date_1st_teacher,
    {{ text('LGA') }} as lga,
    {{ text('electorate_from_2023') }} as electorate_from_2023,
    {{ text('electorate_2015_2022') }} as electorate_2015_2022,
    {{ text('Fed_electorate') }} as fed_electorate,
    {{ text('Operational_directorate') }} as operational_directorate,
    {{ text('Principal_network') }} as principal_network,
    {{ text('Operational_directorate_office') }} as operational_directorate_office,
    {{ text('Operational_directorate_office_phone') }} as operational_directorate_office_phone,
    {{ text('Operational_directorate_office_address') }} as operational_directorate_office_address,
    {{ text('FACS_district') }} as facs_district,
    {{ text('Local_health_district') }} as local_health_district,
    {{ text('AECG_region') }} as aecg_region,
    {{ text('ASGS_remoteness') }} as asgs_remoteness,
    {{ number('Latitude') }} as latitude,
    {{ number('Longitude') }} as longitude,
    {{ text('Assets unit') }} as assets_unit,
    {{ text('SA4') }} as sa4,
    {{ number('FOEI_Value', 'integer') }} as foei_value,
    {{ day('Date_extracted') }} as date_extracted,
    _source,
    _load_timestamp
from source
where {{ number('School_code', 'integer') }} is not null
