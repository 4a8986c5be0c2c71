-- NSW apparent retention rates, one row per calendar year (grain: calendar_year), five rates as 0–1.
-- 2020 was published under both counting methodologies; this fact uses the NEW one (the rules every later
-- year uses), so 2020 is counted once, not twice as in the original (bug 2). The old-methodology 2020 values
-- stay in prep__retention for anyone comparing with 2014–2019.
with retention as (
    select * from {{ ref('prep__retention') }}
)

select
    {{ fact_grain_key(['calendar_year']) }} as _meta__fct__retention__sk,
    calendar_year,
    retention_rate_7_to_10,
    retention_rate_10_to_12,
    retention_rate_aboriginal_7_to_10,
    retention_rate_aboriginal_7_to_12,
    retention_rate_aboriginal_10_to_12,
    {{ audit_columns() }}
from retention
-- One row per year: where a year has both methodologies (2020), keep the new one.
qualify row_number() over (
    partition by calendar_year
    order by case methodology when 'new' then 0 else 1 end
) = 1
