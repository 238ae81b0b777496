-- The scoring rules over every labeled item (golden set and imported reviews), with the label to compare.
with items as (
    select * from {{ ref('stg_labels__items') }}
),

final as (
    {{ score_postings('items') }}
)

select * from final
