-- Every posting, scored: the score, its parts, the gates, the rejection category and the reasons.
with postings as (
    select
        posting_id as item_id,
        *
    from {{ ref('postings') }}
),

final as (
    {{ score_postings('postings') }}
)

select * from final
