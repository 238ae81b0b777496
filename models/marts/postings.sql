{#- planner hint (pre_hook): without build_side_probe_side, DuckDB may build the join's hash table on the side that
    carries the texts (GBs at 1M) instead of streaming the texts past a hash table of the winning sightings -#}
{{ config(
    materialized='incremental',
    unique_key='posting_id',
    incremental_strategy='delete+insert',
    pre_hook="set disabled_optimizers = 'build_side_probe_side'",
    post_hook=[
        "reset disabled_optimizers",
        "{% if this is not none %}{{ forget_merged_postings(this, ref('int_posting_urls')) }}{% endif %}"
    ]
) }}
-- One row per job, deduplicated across sources and runs: sightings with the same canonical URL, or the same
-- company + title + location fingerprint, are one posting. The latest sighting supplies the text; every
-- source URL and the first / last seen times are kept.
-- Incremental: a build computes again only the postings its new sightings touch (those their URLs belong to now,
-- and those the URLs left), each from all of its sightings, and drops postings no URL belongs to any more; a full
-- rebuild gives the same rows.
with sightings as not materialized (
    -- planner hint: read where used (a lookup per posting built), not a copy of every sighting
    select * rename (posting_id as sighting_id) from {{ ref('int_postings_keyed') }}
),

texts as not materialized (
    -- the sightings' texts stay in raw.postings: only the latest sighting's is read, for each posting built
    select
        posting_id,
        scraped_at,
        description
    from {{ ref('stg_crawl__postings') }}
    union all
    select
        posting_id,
        scraped_at,
        description
    from {{ ref('stg_jobsearch__postings') }}
),

touched_urls as (
    -- the URLs of the postings to build: in a daily build, the few its new sightings touched
    select
        urls.canonical_url,
        urls.dedupe_key
    from {{ ref('int_posting_urls') }} as urls
    {% if is_incremental() -%}
        semi join ({{ touched_posting_keys(ref('int_posting_urls'), true) }}) as touched_keys
            on urls.dedupe_key = touched_keys.dedupe_key
    {%- endif %}
),

keyed as {% if not is_incremental() %}not {% endif %}materialized (
    -- every sighting of those postings, without their texts. A daily build reads them once, for both uses below; a
    -- full build reads them twice rather than hold a million sightings
    select
        sightings.sighting_id,
        sightings.scraped_at,
        sightings.source,
        sightings.external_id,
        sightings.company,
        sightings.title,
        sightings.location,
        sightings.posting_url,
        sightings.posted_at,
        sightings.run_id,
        touched_urls.dedupe_key
    from sightings
    inner join touched_urls on sightings.canonical_url = touched_urls.canonical_url
),

aggregated as (
    -- the latest sighting is named by (scraped_at, sighting_id), unique per sighting: an arg_max of every text here
    -- would hold every posting's text in the aggregate at once
    select
        dedupe_key,
        max(scraped_at) as latest_scraped_at,
        arg_max(sighting_id, (scraped_at, sighting_id)) as latest_sighting_id,
        min(posted_at) as posted_at,
        list(distinct posting_url order by posting_url) as source_urls,
        list(distinct source order by source) as sources,
        count(*) as sightings,
        min(scraped_at) as first_seen_at,
        arg_min(run_id, (scraped_at, sighting_id)) as first_seen_run_id,
        max(scraped_at) as last_seen_at
    from keyed
    group by dedupe_key
),

winners as (
    select
        aggregated.*,
        latest.source,
        latest.external_id,
        latest.company,
        latest.title,
        latest.location,
        latest.posting_url,
        latest.run_id
    from aggregated
    inner join keyed as latest
        on
            aggregated.latest_sighting_id = latest.sighting_id
            and aggregated.latest_scraped_at = latest.scraped_at
),

final as (
    -- the texts stream past a hash table of the winners: the pre_hook keeps DuckDB from building the table on the
    -- side with the texts (its estimate sees two sides of a million rows alike, not their widths), which spills
    select
        md5(winners.dedupe_key) as posting_id,
        winners.source,
        winners.external_id,
        winners.company,
        {{ company_key('winners.company') }} as company_key,
        winners.title,
        winners.location,
        texts.description,
        winners.posting_url,
        winners.posted_at,
        winners.source_urls,
        winners.sources,
        winners.sightings,
        winners.first_seen_at,
        winners.first_seen_run_id,
        winners.last_seen_at,
        winners.last_seen_at as scraped_at,
        winners.run_id,
        -- the posting's item id in the labeling files: kept with the posting, so a build computes it once
        'rejected_' || left(md5(winners.dedupe_key), 12) || '_'
        || coalesce(nullif(regexp_replace(winners.company, '[^A-Za-z0-9]+', '', 'g'), ''), 'unknown') as review_id
    from texts
    inner join winners
        on
            texts.posting_id = winners.latest_sighting_id
            and texts.scraped_at = winners.latest_scraped_at
)

select * from final
