{{ config(materialized='view_if_changed') }}
-- Every posting, scored: the posting's columns beside its score, its parts, the gates, the rejection category and
-- the reasons. A view: the scores are kept in int_postings_scored, which rescores only what changed.
with postings as (
    select * from {{ ref('postings') }}
),

scores as (
    select * from {{ ref('int_postings_scored') }}
),

final as (
    select
        postings.posting_id as item_id,
        postings.*,
        scores.* exclude (posting_id, rules_hash, scored_at)
    from postings
    inner join scores on postings.posting_id = scores.posting_id
)

select * from final
