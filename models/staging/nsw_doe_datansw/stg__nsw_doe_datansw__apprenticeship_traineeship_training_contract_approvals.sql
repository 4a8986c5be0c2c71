-- Apprenticeship and traineeship training contract approvals in NSW, by training type and calendar year
-- (the wide year columns unpivoted). See the stage_training_contracts macro for the cleaning rules.
{{ stage_training_contracts('apprenticeship_traineeship_training_contract_approvals', 'approvals') }}
