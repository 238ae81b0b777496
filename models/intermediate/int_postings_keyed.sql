{{ config(materialized='view') }}
-- Every posting sighting (crawled from a board or page, or found by keyword search) with the keys used to
-- deduplicate it: a canonical URL and a company / title / location fingerprint. Separate requisitions - one board
-- posting the same title and location under different ids - keep separate fingerprints (numbered in the order the
-- board first showed them), so they stay separate postings. A view: marts.postings reads it once per build, and
-- the sightings' text is not copied.
with crawled as (
    select * from {{ ref('stg_crawl__postings') }}
),

searched as (
    select * from {{ ref('stg_jobsearch__postings') }}
),

sightings as (
    select * from crawled
    union all by name
    select * from searched
),

canonical as (
    select
        *,
        {{ canonical_url('posting_url') }} as page_url,
        {{ posting_fingerprint('company', 'title', 'location') }} as job_fingerprint,
        min(scraped_at) over (partition by source_key, external_id) as id_first_seen_at
    from sightings
),

final as (
    select
        * exclude (page_url, job_fingerprint, id_first_seen_at),
        -- a URL identifies a posting only when one posting of a run carries it; a career page listing several
        -- postings under its own URL does not, so there the source's id is part of the key
        case
            when count(distinct posting_id) over (partition by run_id, source, page_url) > 1
                then page_url || '#' || posting_id
            else page_url
        end as canonical_url,
        job_fingerprint || '#' || dense_rank() over (
            partition by source_key, job_fingerprint order by id_first_seen_at, external_id
        ) as fingerprint
    from canonical
)

select * from final
