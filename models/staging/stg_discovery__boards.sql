-- The job-board registry (raw.boards): every board discovery found and what the last crawl of it saw.
with source as (
    select * from {{ source('discovery', 'boards') }}
),

source_types as (
    select * from {{ ref('source_types') }}
),

final as (
    select
        ats || ':' || token as board_key,
        ats,
        token,
        company,
        found_by,
        found_detail,
        first_seen,
        first_run_id,
        last_crawled,
        last_run_id,
        last_status,
        jobs_last_seen,
        misses_in_a_row,
        retired_at,
        retired_at is not null as is_retired,
        -- a source type the crawl has (scrapy_project/spiders/, through the seed source_types)
        ats in (select source_types.source from source_types) as is_known_type
    from source
)

select * from final
