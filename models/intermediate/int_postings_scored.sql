{{ config(
    materialized='incremental',
    unique_key='posting_id',
    incremental_strategy='delete+insert',
    post_hook="{% if this is not none %}{{ forget_merged_postings(this, ref('int_posting_urls')) }}{% endif %}"
) }}
-- The scores of every posting (score_postings), kept between builds: a build scores the postings its new sightings
-- touched, and forgets postings merged away. rules_hash names the rules a row was scored
-- by (their compiled regexes, weights and the threshold): when they change, a build scores everything again. A full
-- rebuild gives the same rows.
{%- set rules_hash = local_md5(tojson(scoring_rules()) ~ var('lead_threshold')) %}
with postings as not materialized (
    -- read where it is used: materialized, the CTE would hold every posting's text
    select * from {{ ref('postings') }}
),

changed as (
    -- every posting in a full build; in an incremental one, those the new sightings touched (or all, when the rules
    -- changed), their texts read by postings_read
    select
        posting_id as item_id,
        posting_id,
        title,
        company,
        description
    from (
        {% if is_incremental() %}
            with to_score as (
                select md5(dedupe_key) as posting_id
                from ({{ touched_posting_keys(ref('int_posting_urls'), is_incremental()) }})
                union
                -- scored by other rules: everything again
                select posting_id from postings
                where exists (select 1 from {{ this }} where rules_hash <> '{{ rules_hash }}')
            )

            {{ postings_read(ref('postings'), 'to_score') }}
        {% else %}
            select * from postings
        {% endif %}
    )
),

scored as (
    {{ score_postings('changed') }}
),

final as (
    select
        * exclude (item_id, title, company, description),
        '{{ rules_hash }}' as rules_hash,
        -- marks the rows this build wrote (their key test checks those)
        timestamp '{{ run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') }}' as scored_at
    from scored
)

select * from final
