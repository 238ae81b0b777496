-- The second seed's acceptance decision for every candidate given to `leads decide`.
with candidates as (
    select * from {{ ref('stg_requests__decision_candidates') }}
),

final as (
    {{ decide_candidates('candidates') }}
)

select * from final
