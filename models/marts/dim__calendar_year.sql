-- The calendar-year dimension, generated: one row per year 2008–2027 (the original built a daily dim__date
-- for 2023–2027 only, although every fact is yearly and older). Facts carry `calendar_year` and join here on
-- it. Every year of the range exists, so no missing member is needed: a fact year outside the range is
-- caught by the relationships tests in _marts.yml.
{%- set first_year = var('calendar_year_first', 2008) %}
{%- set last_year = var('calendar_year_last', 2027) %}

with years as (
    select cast(range as integer) as calendar_year
    from range({{ first_year }}, {{ last_year }} + 1)
)

select
    md5(calendar_year::varchar) as _meta__dim__calendar_year__sk,
    calendar_year,
    calendar_year in (2020, 2021) as is_covid_impacted,
    case calendar_year
        when 2018 then
            'Attendance: from 2018 measured under the national standards; not directly comparable with 2011–2017.'
        when 2019 then
            'RAM: original funding is the published "Sum of RAM Funding (incl oncosts)" (no separate original or post-adjustment figure).'
        when 2020 then
            'No attendance or composite class data published for 2020. RAM: original funding is the published "Sum of RAM Funding (incl oncosts)". Apparent retention: new methodology only.'
        when 2021 then
            'Attendance: 2021 is not comparable with earlier years; schools for specific purposes reported from 2021.'
    end as series_note,
    {{ audit_columns() }}
from years
order by calendar_year
