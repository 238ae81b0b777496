-- The thresholds of one ad-hoc call (LEAD_THRESHOLD, MIN_CONFIDENCE or --threshold): data, not compile-time vars,
-- so a new threshold needs no new compile. Exactly one row.
with source as (
    select * from {{ source('requests', 'parameters') }}
),

final as (
    select
        lead_threshold::integer as lead_threshold,
        min_confidence::double as min_confidence,
        coalesce(folds, 5)::integer as folds
    from source
)

select * from final
