{#- A fact's surrogate key: md5 of its grain columns, cast to text and joined with '|', in the order given
    (conventions: `_meta__fct__<fact>__sk`). A NULL grain value hashes as the text `_null_`, so it never
    collides with an empty string and never nulls the whole key. -#}
{% macro fact_grain_key(columns) -%}
    md5(
        {%- for column in columns %}
        coalesce(cast({{ column }} as varchar), '_null_'){% if not loop.last %} || '|' ||{% endif %}
        {%- endfor %}
    )
{%- endmacro %}
