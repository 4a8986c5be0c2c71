-- Pins the fix of the original project's BUG 1: every RAM year 2019–2024 must give original funding to at
-- least 90% of the schools listed that year.
--
-- How the original's logic fails it: its prep read the "Original" funding only under the spelling
-- `Original RAM Funding $ ` (with a trailing space, as 2021 and 2023 publish it). 2022 and 2024 publish
-- `Original RAM Funding $` (no trailing space), which it never read, so those two years had original
-- funding for 0% of schools and are returned here. Ours matches both spellings (the loader is
-- whitespace-insensitive) and uses the 2019–2020 "Sum of RAM Funding (incl oncosts)" figure where no
-- "Original" column exists (prep__resource_allocation). A year missing altogether is returned too.
with years as (
    select cast(range as integer) as calendar_year
    from range(2019, 2025)
),

funding as (
    select
        calendar_year,
        count(*) as schools,
        count(funding_original) as schools_with_original_funding
    from {{ ref('fct__resource_allocation') }}
    group by all
)

select
    years.calendar_year,
    coalesce(funding.schools, 0) as schools,
    coalesce(funding.schools_with_original_funding, 0) as schools_with_original_funding
from years
left join funding
    on funding.calendar_year = years.calendar_year
where coalesce(funding.schools, 0) = 0
    or funding.schools_with_original_funding < 0.9 * funding.schools
