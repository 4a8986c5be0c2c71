{#- Staging of one February-census enrolments resource (docs/data-hub-sources.md §5): one row per school
    and census year, FTE as DOUBLE.

    - The year columns (`2020` … `2024`, matched by pattern so a new year needs no edit) are unpivoted;
      INCLUDE NULLS keeps a school's blank years, which become NULL like `-` (not open that year).
    - Values are trimmed first: the SSP resource pads them with spaces (` 83.1 `, ` - `).
    - Footnote records (`[1] New school in 2020`, in the first column, every other column blank) have no
      school code and are dropped; their text is joined back to the schools whose names carry the marker,
      and the marker (` [3]`) is stripped from the name.
    - The directorate column arrives under its canonical name for all four resources (the loader maps
      the SSP resource's `Operational Directorate` onto `School Performance Directorate`). -#}
{% macro stage_enrolments(source_table) -%}
with source as (
    select * from {{ source('nsw_doe_datansw', source_table) }}
),

footnotes as (
    select
        try_cast(regexp_extract(trim("School Performance Directorate"), '^\[(\d+)\]', 1) as integer) as footnote_number,
        -- One text per marker, even if a page repeats its footnotes.
        min(trim(regexp_replace(trim("School Performance Directorate"), '^\[\d+\]\s*', ''))) as footnote
    from source
    where nullif(trim("School Code"), '') is null
        and regexp_matches(trim("School Performance Directorate"), '^\[\d+\]')
    group by all
),

schools as (
    select
        * exclude ("School Performance Directorate", "School Code", "School Name"),
        nullif(trim("School Performance Directorate"), '') as directorate,
        try_cast(trim("School Code") as integer) as school_code,
        trim(regexp_replace("School Name", '\s*\[\d+\]', '', 'g')) as school_name,
        try_cast(regexp_extract("School Name", '\[(\d+)\]', 1) as integer) as footnote_number
    from source
    -- Footnote rows have no school code; a code of `-` is not a school either.
    where try_cast(trim("School Code") as integer) is not null
),

unpivoted as (
    select *
    from schools
    unpivot include nulls (enrolment_text for year_label in (columns('^\s*\d{4}\s*$')))
)

select
    unpivoted.school_code,
    unpivoted.school_name,
    unpivoted.directorate,
    cast(trim(unpivoted.year_label) as integer) as calendar_year,
    try_cast(nullif(trim(unpivoted.enrolment_text), '-') as double) as enrolment_fte,
    unpivoted.footnote_number,
    footnotes.footnote,
    unpivoted._source,
    unpivoted._load_timestamp
from unpivoted
left join footnotes
    on footnotes.footnote_number = unpivoted.footnote_number
{%- endmacro %}
