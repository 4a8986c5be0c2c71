-- One row per NSW government school, typed. Suppressed codes (np) and blanks become NULL via TRY_CAST.
select
    try_cast("School_code" as integer) as school_code,
    trim("School_name") as school_name,
    trim("Street") as street,
    trim("Town_suburb") as town_suburb,
    trim("Postcode") as postcode,
    trim("Level_of_schooling") as level_of_schooling,
    trim("Selective_school") as selective_school,
    trim("School_gender") as school_gender,
    trim("LGA") as lga,
    try_cast("latest_year_enrolment_FTE" as double) as latest_year_enrolment_fte,
    try_cast("ICSEA_value" as integer) as icsea_value,
    try_cast("Latitude" as double) as latitude,
    try_cast("Longitude" as double) as longitude,
    try_cast("Date_extracted" as date) as date_extracted,
    _load_timestamp,
    _source
from {{ source('nsw_doe_datansw', 'master_dataset') }}
where try_cast("School_code" as integer) is not null
