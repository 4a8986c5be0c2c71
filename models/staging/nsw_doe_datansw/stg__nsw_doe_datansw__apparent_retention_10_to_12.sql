-- Full-time apparent retention rate from Year 10 to Year 12 in NSW government schools, by SA4 group (one
-- group is the state, `NSW`) and year; 2020 once per methodology. See the stage_apparent_retention macro.
{{ stage_apparent_retention('apparent_retention_10_to_12', 'sa4_group') }}
