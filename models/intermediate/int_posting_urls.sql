{{ config(
    materialized='incremental',
    unique_key='canonical_url',
    incremental_strategy='delete+insert'
) }}
-- Which posting each canonical URL belongs to: its latest sighting's fingerprint, so a URL whose title or location
-- was edited between runs keeps one identity. Incremental: a build decides again for the URLs of the sightings it
-- keyed, keeping the key each had before (previous_dedupe_key: the posting it may have left); decided_at marks them.
with sightings as not materialized (
    -- read where used: the URLs' sightings are a lookup, not a copy of every sighting
    select * from {{ ref('int_postings_keyed') }}
),

touched as (
    select distinct canonical_url from sightings
    {% if is_incremental() %}
        where keyed_at = (select max(keyed_at) from sightings)
    {% endif %}
),

decided as (
    select
        sightings.canonical_url,
        arg_max(sightings.fingerprint, (sightings.scraped_at, sightings.posting_id)) as dedupe_key,
        max(sightings.keyed_at) as decided_at
    from sightings
    semi join touched on sightings.canonical_url = touched.canonical_url
    group by sightings.canonical_url
),

final as (
    select
        decided.*,
        {% if is_incremental() %}
            previous.dedupe_key as previous_dedupe_key
        {% else %}
            null::varchar as previous_dedupe_key
        {% endif %}
    from decided
    {% if is_incremental() %}
        left join {{ this }} as previous on decided.canonical_url = previous.canonical_url
    {% endif %}
)

select * from final
