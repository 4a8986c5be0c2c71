-- RAM funding, one row per school and funding year (2019–2024), with ONE original funding figure per
-- school-year coalesced across the per-year column names — the fix of the original project's BUG 1, which
-- read only one spelling of the "Original" column and so lost two years of original funding.
--
-- - funding_original: `Original RAM Funding $` (2021–2024; the loader maps the trailing-space spelling of
--   2021 and 2023 to this name) and, where that column does not exist (2019–2020 publish only one figure),
--   `Sum of RAM Funding (incl oncosts) $`. The 2019–2020 figure is the approved allocation including
--   on-costs, published before adjustments, so it is the closest equivalent of the later "original"
--   figure; `funding_original_column` records which column supplied each value.
-- - funding_post_adjustments: `RAM Funding - post Adjustments $`, NULL when the year does not publish it
--   (2019–2020): never backfilled from the original figure.
-- - A school listed with blank funding keeps its row, with NULL funding.
select
    school_code,
    calendar_year,
    school_name,
    coalesce(funding_original, funding_incl_oncosts) as funding_original,
    funding_post_adjustments,
    case
        when funding_original is not null then 'Original RAM Funding $'
        when funding_incl_oncosts is not null then 'Sum of RAM Funding (incl oncosts) $'
    end as funding_original_column,
    _source,
    _load_timestamp
from {{ ref('stg__nsw_doe_datansw__ram') }}
