-- Average class size in NSW government primary schools, one row per audit year (grain: calendar_year), one
-- column per grade plus Kindergarten to Year 6. The original's class-size metric pointed at columns that
-- did not exist (bug 5): these names are the contract.
with class_size as (
    select * from {{ ref('stg__nsw_doe_datansw__class_size') }}
)

select
    {{ fact_grain_key(['calendar_year']) }} as _meta__fct__class__sk,
    calendar_year,
    avg_class_size_k,
    avg_class_size_year_1,
    avg_class_size_year_2,
    avg_class_size_year_3,
    avg_class_size_year_4,
    avg_class_size_year_5,
    avg_class_size_year_6,
    avg_class_size_k_6,
    {{ audit_columns() }}
from class_size
