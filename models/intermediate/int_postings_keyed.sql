-- Every posting sighting with the keys used to deduplicate it: a canonical URL and a company / title / location
-- fingerprint.
with sightings as (
    select * from {{ ref('stg_crawl__postings') }}
),

canonical as (
    select *, {{ canonical_url('posting_url') }} as page_url
    from sightings
),

final as (
    select
        * exclude (page_url),
        -- a URL identifies a posting only when one posting of a run carries it; a career page listing several
        -- postings under its own URL does not, so there the source's id is part of the key
        case
            when count(distinct posting_id) over (partition by run_id, source, page_url) > 1
                then page_url || '#' || posting_id
            else page_url
        end as canonical_url,
        {{ posting_fingerprint('company', 'title', 'location') }} as fingerprint
    from canonical
)

select * from final
