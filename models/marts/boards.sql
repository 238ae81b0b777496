-- The job-board registry as people read it: every board discovery found, the company it hires for, and what the
-- last crawl saw. A board found by a site query has no company until its postings name one.
with boards as (
    select * from {{ ref('stg_discovery__boards') }}
),

sightings as (
    select * from {{ ref('stg_crawl__postings') }}
),

board_companies as (
    -- the company of each board found without one: its latest sighting's (only those boards' sightings are read)
    select
        source_key as board_key,
        arg_max(company, scraped_at) as company
    from sightings
    where
        source_key in (
            select board_key from boards
            where company is null
        )
    group by source_key
),

final as (
    select
        boards.board_key,
        boards.ats,
        boards.token,
        coalesce(boards.company, board_companies.company) as company,
        boards.found_by,
        boards.found_detail,
        boards.first_seen,
        boards.last_crawled,
        boards.last_status,
        boards.jobs_last_seen,
        boards.misses_in_a_row,
        boards.is_retired,
        boards.retired_at
    from boards
    left join board_companies on boards.board_key = board_companies.board_key
)

select * from final
