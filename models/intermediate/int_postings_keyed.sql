{{ config(
    materialized='incremental',
    unique_key='group_key',
    incremental_strategy='delete+insert'
) }}
-- Every posting sighting (crawled from a board or page, or found by keyword search) with the keys used to
-- deduplicate it: a canonical URL and a company / title / location fingerprint. Separate requisitions - one board
-- posting the same title and location under different ids - keep separate fingerprints (numbered in the order the
-- board first showed them), so they stay separate postings.
-- Incremental: a build keys the sightings loaded since the last one, and numbers again every requisition group
-- (board + fingerprint) they join, from all of that group's sightings; keyed_at marks the rows it wrote. A full
-- rebuild gives the same keys.
{%- set keyed_at = "timestamp '" ~ run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') ~ "'" %}
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

new_sightings as (
    select * from sightings
    {% if is_incremental() %}
        where scraped_at > (select coalesce(max(scraped_at), timestamp '-infinity') from {{ this }})
    {% endif %}
),

new_keyed as (
    select
        *,
        {{ canonical_url('posting_url') }} as page_url,
        {{ posting_fingerprint('company', 'title', 'location') }} as job_fingerprint
    from new_sightings
),

new_rows as (
    select
        * exclude (page_url),
        -- a URL identifies a posting only when one posting of a run carries it; a career page listing several
        -- postings under its own URL does not, so there the source's id is part of the key (a run is keyed whole:
        -- its sightings are all new together)
        case
            when count(distinct posting_id) over (partition by run_id, source, page_url) > 1
                then page_url || '#' || posting_id
            else page_url
        end as canonical_url,
        source_key || '|' || job_fingerprint as group_key
    from new_keyed
),

group_sightings as (
    -- every sighting of the groups the new ones join: the new, and the kept ones of those groups
    select * from new_rows
    {% if is_incremental() %}
        union all by name
        select * exclude (fingerprint, keyed_at) from {{ this }}
        where group_key in (select group_key from new_rows)
    {% endif %}
),

first_seen as (
    -- when each id of those groups was first seen on its board, across all of its sightings
    select
        source_key,
        external_id,
        min(scraped_at) as id_first_seen_at
    from (
        select
            source_key,
            external_id,
            scraped_at
        from group_sightings
        {% if is_incremental() %}
            union all
            select
                kept.source_key,
                kept.external_id,
                kept.scraped_at
            from {{ this }} as kept
            semi join group_sightings
                on kept.source_key = group_sightings.source_key and kept.external_id = group_sightings.external_id
        {% endif %}
    )
    group by source_key, external_id
),

final as (
    select
        group_sightings.*,
        group_sightings.job_fingerprint || '#' || dense_rank() over (
            partition by group_sightings.group_key
            order by first_seen.id_first_seen_at, group_sightings.external_id
        ) as fingerprint,
        {{ keyed_at }} as keyed_at
    from group_sightings
    inner join first_seen
        on
            group_sightings.source_key is not distinct from first_seen.source_key
            and group_sightings.external_id is not distinct from first_seen.external_id
)

select * from final
