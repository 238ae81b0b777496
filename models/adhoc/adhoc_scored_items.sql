-- The scoring rules over the items given to `leads score`, at the call's threshold.
with items as (
    select * from {{ ref('stg_requests__score_items') }}
),

final as (
    {{ score_postings('items', threshold="(select lead_threshold from " ~ ref('stg_requests__parameters') ~ ")") }}
)

select * from final
