{#- The six audit columns every mart ends with (the original's audit macro). Who ran the build comes from
    the `audit_user` var; the dates and times are those of the build, in UTC. DuckDB-WASM has no ICU
    extension offline, so time zones are avoided: current_date would need it; the time stamp cast to a
    plain TIMESTAMP (UTC) does not. -#}
{% macro audit_columns() -%}
    {{ "'" ~ var('audit_user', 'data-stack-in-a-tab') ~ "'" }} as _audit__created_by,
    {{ "'" ~ var('audit_user', 'data-stack-in-a-tab') ~ "'" }} as _audit__updated_by,
    cast(cast(current_timestamp as timestamp) as date) as _audit__model_created_date,
    cast(cast(current_timestamp as timestamp) as date) as _audit__model_updated_date,
    cast(current_timestamp as timestamp) as _audit__dbt_created_at,
    cast(current_timestamp as timestamp) as _audit__dbt_updated_at
{%- endmacro %}
