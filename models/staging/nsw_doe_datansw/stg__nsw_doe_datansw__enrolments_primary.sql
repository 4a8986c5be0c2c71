-- February census FTE enrolments of NSW government primary (and infants) schools.
-- One row per school and census year (the wide 2020–2024 columns unpivoted); footnote rows dropped, markers
-- stripped from names. The cleaning rules are in the stage_enrolments macro, shared by the four resources.
{{ stage_enrolments('enrolments_primary') }}
