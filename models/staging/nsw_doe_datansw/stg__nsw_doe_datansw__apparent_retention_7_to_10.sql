-- Full-time apparent retention rate from Year 7 to Year 10 in NSW government schools, by SA4 group (one
-- group is the state, `NSW`) and year; 2020 once per methodology. See the stage_apparent_retention macro.
{{ stage_apparent_retention('apparent_retention_7_to_10', 'sa4_group') }}
