{#- Staging of one apprenticeship and traineeship XLSX sheet (docs/data-hub-sources.md §7): one row per
    training type and year.

    - Year headers were padded with spaces in the workbook (`"     2024"`); the loader trims them to `2019` …,
      and they are matched by pattern (and trimmed again) so either form works and new years need no edit.
    - Values are text with thousands separators (`21,412`) and become integers; suppressed codes become NULL.
    - The `Total` row is dropped (sum it yourself from the detail rows), and so is any row with no value in
      any year: the sheet's source note (`Source: NSW Department of Education, …`) and blank rows. -#}
{% macro stage_training_contracts(source_table, measure) -%}
with source as (
    select * from {{ source('nsw_doe_datansw', source_table) }}
),

unpivoted as (
    select *
    from source
    unpivot include nulls (value_text for year_label in (columns('^\s*\d{4}\s*$')))
),

typed as (
    select
        nullif(trim("Training Type"), '') as training_type,
        cast(trim(year_label) as integer) as calendar_year,
        try_cast(replace(replace(trim(value_text), ',', ''), ' ', '') as integer) as {{ measure }},
        _source,
        _load_timestamp
    from unpivoted
    where trim("Training Type") <> 'Total'
)

select *
from typed
where training_type is not null
qualify count({{ measure }}) over (partition by training_type) > 0
{%- endmacro %}
