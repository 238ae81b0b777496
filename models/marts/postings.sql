{{ config(
    materialized='incremental',
    unique_key='posting_id',
    incremental_strategy='delete+insert',
    post_hook="{% if this is not none %}{{ forget_merged_postings(this, ref('int_posting_urls')) }}{% endif %}"
) }}
-- One row per job, deduplicated across sources and runs: sightings with the same canonical URL, or the same
-- company + title + location fingerprint, are one posting. The latest sighting supplies the text; every
-- source URL and the first / last seen times are kept.
-- Incremental: a build computes again only the postings its new sightings touch (those their URLs belong to now,
-- and those the URLs left), each from all of its sightings, and drops postings no URL belongs to any more; a full
-- rebuild gives the same rows.
with sightings as (
    select * rename (posting_id as sighting_id) from {{ ref('int_postings_keyed') }}
),

url_postings as (
    select * from {{ ref('int_posting_urls') }}
),

touched_keys as (
    {{ touched_posting_keys('url_postings', is_incremental()) }}
),

keyed as (
    select
        sightings.*,
        url_postings.dedupe_key
    from sightings
    inner join url_postings on sightings.canonical_url = url_postings.canonical_url
    semi join touched_keys on url_postings.dedupe_key = touched_keys.dedupe_key
),

final as (
    select
        md5(dedupe_key) as posting_id,
        arg_max(source, (scraped_at, sighting_id)) as source,
        arg_max(external_id, (scraped_at, sighting_id)) as external_id,
        arg_max(company, (scraped_at, sighting_id)) as company,
        {{ company_key('arg_max(company, (scraped_at, sighting_id))') }} as company_key,
        arg_max(title, (scraped_at, sighting_id)) as title,
        arg_max(location, (scraped_at, sighting_id)) as location,
        arg_max(description, (scraped_at, sighting_id)) as description,
        arg_max(posting_url, (scraped_at, sighting_id)) as posting_url,
        min(posted_at) as posted_at,
        list(distinct posting_url order by posting_url) as source_urls,
        list(distinct source order by source) as sources,
        count(*) as sightings,
        min(scraped_at) as first_seen_at,
        arg_min(run_id, (scraped_at, sighting_id)) as first_seen_run_id,
        max(scraped_at) as last_seen_at,
        max(scraped_at) as scraped_at,
        arg_max(run_id, (scraped_at, sighting_id)) as run_id
    from keyed
    group by dedupe_key
)

select * from final
