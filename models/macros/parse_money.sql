{#- Published money text to dollars as DOUBLE: `$367,074` → 367074, ` $1,234.50 ` → 1234.5, `($1,234)` or
    `-$1,234` → -1234. Blank text, `-` and anything else that is not a number become NULL. -#}
{% macro parse_money(expression) -%}
    (case when regexp_matches(trim({{ expression }}), '^\(.*\)$') then -1 else 1 end)
        * try_cast(nullif(regexp_replace(trim({{ expression }}), '[$,()\s]', '', 'g'), '') as double)
{%- endmacro %}
