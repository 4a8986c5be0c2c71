{#- The missing member of a dimension (the original's convention, with its BUG 7 fixed: the original macro
    misspelt a parameter and so nulled non-text columns it should have labelled). One row: the key
    md5('-1'), the natural key -1, and 'Missing <column>' in every text column named in `text_columns`.
    Combine it with the dimension's rows by `union all by name`, which fills every column not named here
    (numbers, dates, booleans) with NULL of the right type — never a made-up value.
    tests/dbt/assert_missing_member_is_complete.sql checks the result against information_schema, so a
    text column forgotten in `text_columns` fails the build. -#}
{% macro missing_member(key_column, natural_key_column, text_columns) -%}
select
    md5('-1') as {{ key_column }},
    -1 as {{ natural_key_column }},
    {%- for column in text_columns %}
    'Missing {{ column }}' as {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
