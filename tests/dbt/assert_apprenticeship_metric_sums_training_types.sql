-- Bug 3 of the original: its apprenticeship metrics averaged approvals and completions over training types
-- (`agg: average`), so a year with 100 apprenticeship and 300 traineeship approvals showed 200, not 400.
-- Run against the original, this returns every year with two or more training types: there the average
-- differs from the fact's sum. It returns the years where metrics__metrics_by_year does not equal the SUM
-- of fct__apprenticeship_traineeship_training over training types (a year missing from the metrics counts).
with by_year as (
    select
        calendar_year,
        sum(approvals) as approvals,
        sum(completions) as completions
    from {{ ref('fct__apprenticeship_traineeship_training') }}
    group by calendar_year
)

select
    by_year.calendar_year,
    by_year.approvals,
    metrics.apprenticeship_approvals,
    by_year.completions,
    metrics.apprenticeship_completions
from by_year
left join {{ ref('metrics__metrics_by_year') }} as metrics
    on metrics.calendar_year = by_year.calendar_year
where metrics.apprenticeship_approvals is distinct from by_year.approvals
    or metrics.apprenticeship_completions is distinct from by_year.completions
