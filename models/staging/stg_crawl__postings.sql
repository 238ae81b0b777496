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

source_types as (
    select * from {{ ref('source_types') }}
),

final as (
    select
        {{ sighting_columns(posted_at) }},
        -- a job loaded from its board's list alone: its title missed the wide net (scrapy_project/wide_net.py)
        coalesce(json_extract_string(payload, '$.detail') = 'not_fetched', false) as is_listed_only,
        -- a source type the crawl has (scrapy_project/spiders/, through the seed source_types): checked in its test
        source in (select source_types.source from source_types) as is_known_source
    from source
    where not starts_with(source, 'jobsearch:')
)

select * from final
