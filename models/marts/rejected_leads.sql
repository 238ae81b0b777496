{{ config(materialized='view_if_changed') }}
-- Every rejected posting in the labeling schema's terms, near-misses (highest score) first. The id is stable
-- across runs (it carries the posting id), so a label reviewed once is found again. A view: the export reads its
-- first MAX_EXPORT rows, and nothing is copied for the rest.
with rejected as (
    select * from {{ ref('lead_scores') }}
    where not qualified
),

final as (
    select
        review_id as id,
        posting_id,
        description,
        false as label,
        company,
        title_used as title,
        rejection_category,
        score,
        list_transform(reasons, lambda r: r.tier || ':' || r.matched || ' (+' || r.weight || ')') as signals,
        'Rejected: ' || rejection_category || ' (score: ' || score || ')' as notes,
        row_number() over (order by score desc, last_seen_at desc, posting_id asc) as review_rank,
        run_id
    from rejected
)

select * from final
