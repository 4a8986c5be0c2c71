{#- The date "today" is measured from: the `today` var when one is given (tests pin it, so the figures do
    not move with the calendar), else the current date in UTC. DuckDB's current_date lives in the ICU
    extension, which this build does not ship (and may not load), so the date is taken from the core
    get_current_timestamp() through epoch milliseconds. -#}
{% macro today() -%}
    {%- if var('today', '') -%} date '{{ var('today') }}' {%- else -%} cast(epoch_ms(epoch_ms(get_current_timestamp())) as date) {%- endif -%}
{%- endmacro %}
