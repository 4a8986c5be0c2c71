-- Bug 2 of the original: its retention fact joined the 10→12 resource on the year without filtering on the
-- state row, so every year fanned out over the eleven SA4 groups plus NSW (twelve rows a year); and it cut
-- both `2020 (old methodology)` and `2020 (new methodology)` down to 2020, so 2020 appeared (and was summed)
-- twice. Run against the original, this returns every year (duplicate years) and the 2020 row (its rates are
-- not the NSW new-methodology values). It returns:
--   - each calendar_year of fct__retention with more than one row;
--   - 2020 if it is missing from the fact, or if any of its five rates differs from the NSW value of the
--     new-methodology column of its resource (read from staging, where both 2020 columns are kept apart).
with years as (
    select calendar_year, count(*) as n_rows
    from {{ ref('fct__retention') }}
    group by calendar_year
),

expected_2020 as (
    select
        (select retention_rate from {{ ref('stg__nsw_doe_datansw__apparent_retention_7_to_10') }}
            where sa4_group = 'NSW' and calendar_year = 2020 and methodology = 'new') as rate_7_to_10,
        (select retention_rate from {{ ref('stg__nsw_doe_datansw__apparent_retention_10_to_12') }}
            where sa4_group = 'NSW' and calendar_year = 2020 and methodology = 'new') as rate_10_to_12,
        (select retention_rate from {{ ref('stg__nsw_doe_datansw__apparent_retention_aboriginal') }}
            where retention_period_code = '7_to_10' and calendar_year = 2020 and methodology = 'new')
            as rate_aboriginal_7_to_10,
        (select retention_rate from {{ ref('stg__nsw_doe_datansw__apparent_retention_aboriginal') }}
            where retention_period_code = '7_to_12' and calendar_year = 2020 and methodology = 'new')
            as rate_aboriginal_7_to_12,
        (select retention_rate from {{ ref('stg__nsw_doe_datansw__apparent_retention_aboriginal') }}
            where retention_period_code = '10_to_12' and calendar_year = 2020 and methodology = 'new')
            as rate_aboriginal_10_to_12
),

actual_2020 as (
    select *
    from {{ ref('fct__retention') }}
    where calendar_year = 2020
)

select calendar_year, 'appears ' || n_rows || ' times' as problem
from years
where n_rows > 1

union all

select 2020 as calendar_year, 'is missing' as problem
where not exists (select 1 from actual_2020)

union all

select
    2020 as calendar_year,
    '2020 rates are not the NSW new-methodology values' as problem
from actual_2020
cross join expected_2020
where actual_2020.retention_rate_7_to_10 is distinct from expected_2020.rate_7_to_10
    or actual_2020.retention_rate_10_to_12 is distinct from expected_2020.rate_10_to_12
    or actual_2020.retention_rate_aboriginal_7_to_10 is distinct from expected_2020.rate_aboriginal_7_to_10
    or actual_2020.retention_rate_aboriginal_7_to_12 is distinct from expected_2020.rate_aboriginal_7_to_12
    or actual_2020.retention_rate_aboriginal_10_to_12 is distinct from expected_2020.rate_aboriginal_10_to_12
    -- The published values must exist: a NULL on both sides would otherwise pass.
    or expected_2020.rate_7_to_10 is null
    or expected_2020.rate_10_to_12 is null
