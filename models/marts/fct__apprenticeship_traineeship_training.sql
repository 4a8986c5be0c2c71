-- Apprenticeship and traineeship training contracts in NSW, one row per calendar year and training type
-- (grain: calendar_year, training_type): approvals and completions side by side. A full outer join, so a
-- year or type published in only one of the two workbooks keeps its row (the other measure is NULL). Both
-- are counts of contracts: sum them over training types for a yearly total (the original averaged, bug 3).
with approvals as (
    select training_type, calendar_year, approvals
    from {{ ref('stg__nsw_doe_datansw__apprenticeship_traineeship_training_contract_approvals') }}
),

completions as (
    select training_type, calendar_year, completions
    from {{ ref('stg__nsw_doe_datansw__apprenticeship_traineeship_training_contract_completions') }}
),

joined as (
    select
        coalesce(approvals.calendar_year, completions.calendar_year) as calendar_year,
        coalesce(approvals.training_type, completions.training_type) as training_type,
        approvals.approvals,
        completions.completions
    from approvals
    full outer join completions
        on completions.calendar_year = approvals.calendar_year
        and completions.training_type = approvals.training_type
)

select
    {{ fact_grain_key(['calendar_year', 'training_type']) }} as _meta__fct__apprenticeship_traineeship_training__sk,
    calendar_year,
    training_type,
    approvals,
    completions,
    {{ audit_columns() }}
from joined
