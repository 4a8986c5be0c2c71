-- Average class size in NSW government primary schools (March class size audit), one row per year, one
-- column per grade. The API output repeats its header as a data row (`Year, K, Year 1, …`) and ends with
-- rows of `-`: both are dropped. Sizes are averages with one decimal; `-` and blanks become NULL.
with source as (
    select * from {{ source('nsw_doe_datansw', 'class_size') }}
),

data_rows as (
    select *
    from source
    where trim("Year") <> 'Year'                                  -- embedded header row
        and nullif(nullif(trim("Year"), '-'), '') is not null     -- `-` rows
)

select
    try_cast(trim("Year") as integer) as calendar_year,
    try_cast(nullif(trim("K"), '-') as double) as avg_class_size_k,
    try_cast(nullif(trim("Year 1"), '-') as double) as avg_class_size_year_1,
    try_cast(nullif(trim("Year 2"), '-') as double) as avg_class_size_year_2,
    try_cast(nullif(trim("Year 3"), '-') as double) as avg_class_size_year_3,
    try_cast(nullif(trim("Year 4"), '-') as double) as avg_class_size_year_4,
    try_cast(nullif(trim("Year 5"), '-') as double) as avg_class_size_year_5,
    try_cast(nullif(trim("Year 6"), '-') as double) as avg_class_size_year_6,
    try_cast(nullif(trim("K-6"), '-') as double) as avg_class_size_k_6,
    _source,
    _load_timestamp
from data_rows
