-- The original project's singular test: government school codes stop below 9000 (9999 is the state
-- totals row in some published files, and must never reach the dimension).
select school_code
from {{ ref('dim__school') }}
where school_code >= 9000
