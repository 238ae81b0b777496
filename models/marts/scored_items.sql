-- The scoring rules over the items given to `leads score` / `leads evaluate`.
with items as (
    select * from {{ ref('stg_requests__score_items') }}
),

final as (
    {{ score_postings('items') }}
)

select * from final
