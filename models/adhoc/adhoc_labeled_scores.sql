-- The scoring rules over every labeled item (golden set and imported reviews) at the call's threshold, with the
-- label to compare and the item's outcome (tp, fp, fn, tn).
with items as (
    select * from {{ ref('stg_labels__items') }}
),

scored as (
    {{ score_postings('items', threshold="(select lead_threshold from " ~ ref('stg_requests__parameters') ~ ")") }}
),

final as (
    select
        *,
        case
            when qualified and label then 'tp'
            when qualified then 'fp'
            when label then 'fn'
            else 'tn'
        end as outcome
    from scored
)

select * from final
