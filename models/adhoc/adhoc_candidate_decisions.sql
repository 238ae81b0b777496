-- The acceptance decision of docs/enrichment-evidence.md for every candidate given to `leads decide`, at the
-- call's MIN_CONFIDENCE.
with candidates as (
    select * from {{ ref('stg_requests__decision_candidates') }}
),

final as (
    {{ decide_candidates('candidates',
                         min_confidence="(select min_confidence from " ~ ref('stg_requests__parameters') ~ ")") }}
)

select * from final
