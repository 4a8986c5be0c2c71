{#- The six audit columns every mart ends with (the original's audit macro). Who ran the build comes from
    the `audit_user` var; the dates and times are those of the build. -#}
{% macro audit_columns() -%}
    {{ "'" ~ var('audit_user', 'data-stack-in-a-tab') ~ "'" }} as _audit__created_by,
    {{ "'" ~ var('audit_user', 'data-stack-in-a-tab') ~ "'" }} as _audit__updated_by,
    current_date as _audit__model_created_date,
    current_date as _audit__model_updated_date,
    current_timestamp as _audit__dbt_created_at,
    current_timestamp as _audit__dbt_updated_at
{%- endmacro %}
