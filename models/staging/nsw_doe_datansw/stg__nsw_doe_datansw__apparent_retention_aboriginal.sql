-- Full-time apparent retention rates of Aboriginal and/or Torres Strait Islander students in NSW government
-- schools (state level), by retention period and year; 2020 once per methodology. `retention_period` is the
-- published label (`Years 7/8 to 10`); `retention_period_code` names it for column names downstream.
with staged as (
    {{ stage_apparent_retention('apparent_retention_aboriginal', 'retention_period') }}
)

select
    retention_period,
    case
        when regexp_matches(retention_period, '^Years? 7(/8)? to (Year )?10$') then '7_to_10'
        when regexp_matches(retention_period, '^Years? 7(/8)? to (Year )?12$') then '7_to_12'
        when regexp_matches(retention_period, '^Years? 10 to (Year )?12$') then '10_to_12'
    end as retention_period_code,
    * exclude (retention_period)
from staged
