-- Resource Allocation Model (RAM) funding: one row per school and funding year, 2019–2024
-- (docs/data-hub-sources.md §2). One file per year, loaded together; `_year` says which file a row came from.
--
-- - The three funding columns are all kept, as dollars (DOUBLE) parsed from text like `$367,074`. The loader
--   matches headers whitespace-insensitively, so the 2021/2023 spelling `Original RAM Funding $ ` (trailing
--   space) and the 2022/2024 spelling without it both arrive as `Original RAM Funding $`, and
--   ` Sum of RAM Funding (incl oncosts) $ ` as `Sum of RAM Funding (incl oncosts) $`. Which of them supplies
--   the "original" funding of a year is decided in prep__resource_allocation.
-- - A funding column missing from every loaded file is added as NULL (with_text_columns).
-- - Not data, dropped here: each file's `Total` row and blank rows (no integer school code).
{%- set columns = [
    'School Code', 'School Full Name', 'Original RAM Funding $', 'RAM Funding - post Adjustments $',
    'Sum of RAM Funding (incl oncosts) $', '_year'
] %}

with source as (
    select * from {{ with_text_columns(source('nsw_doe_datansw', 'ram'), columns) }}
)

select
    try_cast(trim("School Code") as integer) as school_code,
    nullif(trim("School Full Name"), '') as school_name,
    try_cast(trim(_year) as integer) as calendar_year,
    {{ parse_money('"Original RAM Funding $"') }} as funding_original,
    {{ parse_money('"RAM Funding - post Adjustments $"') }} as funding_post_adjustments,
    {{ parse_money('"Sum of RAM Funding (incl oncosts) $"') }} as funding_incl_oncosts,
    _source,
    _load_timestamp
from source
-- The `Total` row (School Code = 'Total') and blank rows have no integer school code.
where try_cast(trim("School Code") as integer) is not null
    and trim("School Code") <> 'Total'
