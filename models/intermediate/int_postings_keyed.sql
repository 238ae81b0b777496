{{ config(
    materialized='incremental',
    unique_key='group_key',
    incremental_strategy='delete+insert'
) }}
-- Every posting sighting (crawled from a board or page, or found by keyword search) without its text (marts.postings
-- reads that from staging), with the keys used to deduplicate it: a canonical URL and a company / title / location
-- fingerprint. Separate requisitions - one board posting the same title and location under different ids - keep
-- separate fingerprints (numbered in the order the board first showed them), so they stay separate postings.
-- Incremental: a build keys the sightings loaded since the last one, and numbers again every requisition group
-- (board + fingerprint) they join, from all of that group's sightings; keyed_at marks the rows it wrote. A full
-- rebuild gives the same keys.
{%- set keyed_at = "timestamp '" ~ run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') ~ "'" %}
{%- if is_incremental() %}
    {#- the latest sighting already keyed, as a constant: a filter on a constant reaches the scan of raw.postings, so
        only the new sightings get their staging columns (a subquery's filter would apply after every sighting's) -#}
    {%- set through = keyed_through(this) %}
{%- endif %}
with crawled as (
    select * from {{ ref('stg_crawl__postings') }}
),

searched as (
    select * from {{ ref('stg_jobsearch__postings') }}
),

sightings as not materialized (
    -- without the texts: marts.postings reads each posting's text from its latest sighting in staging
    select * exclude (description, is_listed_only, is_known_source) from crawled
    union all by name
    select * exclude (description) from searched
),

new_sightings as materialized (
    -- kept once, after the filter (read by four parts below)
    select * from sightings
    {% if is_incremental() %}
        where scraped_at > timestamp '{{ through }}'
    {% endif %}
),

id_first_seen as (
    -- when each id was first seen on its board: kept on the rows keyed before (new sightings are later), the
    -- earliest new sighting for an id seen for the first time
    select
        source_key,
        external_id,
        min(scraped_at) as id_first_seen_at
    from (
        select
            source_key,
            external_id,
            scraped_at
        from new_sightings
        {% if is_incremental() %}
            union all
            select
                kept.source_key,
                kept.external_id,
                kept.id_first_seen_at as scraped_at
            from {{ this }} as kept
            semi join new_sightings
                on kept.source_key = new_sightings.source_key and kept.external_id = new_sightings.external_id
        {% endif %}
    )
    group by source_key, external_id
),

new_keyed as not materialized (
    -- planner hint: inlined into its two readers below, which read it together with their own joins, not a copy
    select
        new_sightings.*,
        id_first_seen.id_first_seen_at,
        {{ canonical_url('new_sightings.posting_url') }} as page_url,
        {{ posting_fingerprint('new_sightings.company', 'new_sightings.title', 'new_sightings.location') }}
            as job_fingerprint
    from new_sightings
    inner join id_first_seen
        on
            new_sightings.source_key is not distinct from id_first_seen.source_key
            and new_sightings.external_id is not distinct from id_first_seen.external_id
),

page_postings as (
    -- a URL identifies a posting only when one posting of a run carries it; a career page listing several
    -- postings under its own URL does not, so there the source's id is part of the key (a run is keyed whole: its
    -- sightings are all new together). Counted on the keys alone: a window over the sightings would sort their texts
    select
        run_id,
        source,
        page_url,
        count(distinct posting_id) > 1 as is_shared
    from new_keyed
    group by run_id, source, page_url
),

new_rows as (
    select
        new_keyed.* exclude (page_url),
        case
            when page_postings.is_shared then new_keyed.page_url || '#' || new_keyed.posting_id
            else new_keyed.page_url
        end as canonical_url,
        new_keyed.source_key || '|' || new_keyed.job_fingerprint as group_key
    from new_keyed
    inner join page_postings
        on
            new_keyed.run_id is not distinct from page_postings.run_id
            and new_keyed.source is not distinct from page_postings.source
            and new_keyed.page_url is not distinct from page_postings.page_url
),

group_sightings as {% if not is_incremental() %}not {% endif %}materialized (
    -- every sighting of the groups the new ones join: the new, and the kept ones of those groups. Read twice below:
    -- a daily build keeps them (else each read looks them up among every kept row), a full build does not copy all
    select * from new_rows
    {% if is_incremental() %}
        union all by name
        select * exclude (fingerprint, keyed_at) from {{ this }}
        where group_key in (select group_key from new_rows)
    {% endif %}
),

requisitions as (
    -- each group's requisitions numbered in the order the board first showed them, on the keys alone
    select
        group_key,
        id_first_seen_at,
        external_id,
        dense_rank() over (partition by group_key order by id_first_seen_at, external_id) as requisition
    from (
        select distinct
            group_key,
            id_first_seen_at,
            external_id
        from group_sightings
    )
),

final as (
    select
        group_sightings.*,
        group_sightings.job_fingerprint || '#' || requisitions.requisition as fingerprint,
        {{ keyed_at }} as keyed_at
    from group_sightings
    inner join requisitions
        on
            group_sightings.group_key is not distinct from requisitions.group_key
            and group_sightings.id_first_seen_at is not distinct from requisitions.id_first_seen_at
            and group_sightings.external_id is not distinct from requisitions.external_id
)

select * from final
