{#- A raw relation widened to the columns a staging model reads: every name in `columns` that the loaded
    file did not have is added as a NULL text column, so a staging model survives header drift (an older
    master-dataset extract has no `FOEI_Value`; a RAM load of one year has only that year's funding
    columns) instead of failing with "column not found". Columns the file has pass through unchanged, as
    do any extra columns. Use it where a model would otherwise write `from {{ source(...) }}`. -#}
{% macro with_text_columns(relation, columns) -%}
(
    select
        {%- for column in columns %}
        null::varchar as "{{ column }}"{% if not loop.last %},{% endif %}
        {%- endfor %}
    where false
    union all by name
    select * from {{ relation }}
)
{%- endmacro %}
