{{ config(
    materialized='incremental',
    unique_key='posting_id',
    incremental_strategy='delete+insert',
    post_hook="delete from {{ this }} where posting_id not in (select posting_id from {{ ref('postings') }})"
) }}
-- The scores of every posting (score_postings), kept between builds: a build scores only the postings that are new
-- or whose scored text changed, and forgets postings merged away. scored_hash covers what the rules read and the
-- rules themselves (their compiled regexes and the threshold), so a changed seed or LEAD_THRESHOLD rescores all; a
-- full rebuild gives the same rows.
{%- set rules_hash = local_md5(tojson(scoring_rules()) ~ var('lead_threshold')) %}
with postings as (
    select
        posting_id as item_id,
        posting_id,
        title,
        company,
        description,
        md5(concat_ws(chr(31), coalesce(title, chr(0)), coalesce(company, chr(0)), description,
                      '{{ rules_hash }}')) as scored_hash
    from {{ ref('postings') }}
),

changed as (
    select * from postings
    {% if is_incremental() %}
        where not exists (
            select 1 from {{ this }} as scored
            where scored.posting_id = postings.posting_id and scored.scored_hash = postings.scored_hash
        )
    {% endif %}
),

scored as (
    {{ score_postings('changed') }}
),

final as (
    select * exclude (item_id, title, company, description)
    from scored
)

select * from final
