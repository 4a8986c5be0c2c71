-- NSW apparent retention rates, one row per calendar year and counting methodology, the five retention
-- periods as columns. Only the state row (`NSW`) of the two SA4-group resources is used: the original joined
-- the 10→12 resource without this filter and fanned every year out over the SA4 groups (bug 2). 2020 has
-- two rows, one per methodology (`old` | `new`); every other year has one. The Aboriginal resource is
-- state-level already. Rates are 0–1.
with periods as (
    select calendar_year, methodology, '7_to_10' as retention_period, retention_rate
    from {{ ref('stg__nsw_doe_datansw__apparent_retention_7_to_10') }}
    where sa4_group = 'NSW'

    union all

    select calendar_year, methodology, '10_to_12' as retention_period, retention_rate
    from {{ ref('stg__nsw_doe_datansw__apparent_retention_10_to_12') }}
    where sa4_group = 'NSW'

    union all

    select calendar_year, methodology, 'aboriginal_' || retention_period_code as retention_period, retention_rate
    from {{ ref('stg__nsw_doe_datansw__apparent_retention_aboriginal') }}
    where retention_period_code is not null
),

pivoted as (
    pivot periods
    on retention_period in ('7_to_10', '10_to_12', 'aboriginal_7_to_10', 'aboriginal_7_to_12', 'aboriginal_10_to_12')
    -- At most one value per cell (the staging grain tests guarantee it); first() only reshapes.
    using first(retention_rate)
    group by calendar_year, methodology
)

select
    calendar_year,
    methodology,
    "7_to_10" as retention_rate_7_to_10,
    "10_to_12" as retention_rate_10_to_12,
    "aboriginal_7_to_10" as retention_rate_aboriginal_7_to_10,
    "aboriginal_7_to_12" as retention_rate_aboriginal_7_to_12,
    "aboriginal_10_to_12" as retention_rate_aboriginal_10_to_12
from pivoted
