-- The schools of the current master-dataset extract, prepared for dim__school and fct__school: a
-- pass-through of the typed staging model (one row per school_code), kept as its own layer as in the
-- original project so a second source of school attributes can be unioned in here later.
select *
from {{ ref('stg__nsw_doe_datansw__master_dataset') }}
