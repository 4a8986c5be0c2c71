{#- Staging of one apparent retention resource (docs/data-hub-sources.md §6): one row per label (an SA4
    group, `NSW`, or a retention period) and published year column.

    - Year columns are matched by pattern (`2014`, `2020 (old methodology)`, `2020 (new methodology)`, …)
      and unpivoted; `calendar_year` is the four digits, `year_label` the column as published.
    - 2020 is published twice. From 2020, students in mainstream support classes (previously excluded) are
      counted in their underlying grade, which raised the rates. `methodology` says which counting rules a
      value uses: `old` for years before 2020 and the 2020 old-methodology column, `new` for the 2020
      new-methodology column and every later year (2021 onwards use the revised rules). So
      (label, calendar_year, methodology) is unique, and 2020 has one row per methodology.
    - Percentages (`97.3`) become 0–1 rates; suppressed codes and blanks become NULL.
    The label column arrives under its canonical name `SA4 Groups` for all three resources (the loader maps
    the Aboriginal resource's `Retention period` onto it). -#}
{% macro stage_apparent_retention(source_table, label_column) -%}
with source as (
    select * from {{ source('nsw_doe_datansw', source_table) }}
),

unpivoted as (
    select *
    from source
    unpivot include nulls (retention_text for year_label in (columns('^\s*\d{4}(\s*\(.*\))?\s*$')))
),

typed as (
    select
        nullif(trim("SA4 Groups"), '') as {{ label_column }},
        trim(year_label) as year_label,
        cast(left(trim(year_label), 4) as integer) as calendar_year,
        case
            when year_label ilike '%old method%' then 'old'
            when year_label ilike '%new method%' then 'new'
            when cast(left(trim(year_label), 4) as integer) < 2020 then 'old'
            else 'new'
        end as methodology,
        -- Rounded after dividing, so 96.7 becomes 0.967 rather than 0.9670000000000001.
        round(try_cast(trim(replace(retention_text, '%', '')) as double) / 100, 8) as retention_rate,
        _source,
        _load_timestamp
    from unpivoted
)

select *
from typed
-- A row without a label is not data (blank or note rows).
where {{ label_column }} is not null
{%- endmacro %}
