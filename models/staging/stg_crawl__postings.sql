-- Every crawled posting sighting from raw.postings (keyword search's rows are stg_jobsearch__postings), renamed and
-- typed, keeping its source. Per-source parsing lives here: publication times are read as the instant they name (an
-- ISO offset such as -04:00 is applied, Lever's epoch milliseconds are converted) and stored in UTC.
{%- set posted_at %}
case
    when regexp_full_match(trim(posted_at), '[0-9]{12,14}')
        then make_timestamp(trim(posted_at)::bigint * 1000)
    else coalesce(
        try_cast(try_cast(posted_at as timestamptz) at time zone 'UTC' as timestamp),
        try_cast(posted_at as timestamp)
    )
end
{%- endset %}
with source as (
    select * from {{ source('crawl', 'postings') }}
),

final as (
    select
        {{ sighting_columns(posted_at) }}
    from source
    where not starts_with(source, 'jobsearch:')
)

select * from final
