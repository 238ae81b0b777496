-- Tier weights to try, one row per candidate and tier, handed in by `leads tune` for one step of its search.
with source as (
    select * from {{ source('requests', 'tuning_candidates') }}
),

final as (
    select
        candidate_id::integer as candidate_id,
        tier,
        weight::integer as weight
    from source
)

select * from final
