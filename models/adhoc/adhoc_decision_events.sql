-- The decision log of `leads decide`: one event per candidate, in input order, in the format of
-- docs/enrichment-evidence.md (Decision events).
with decisions as (
    select * from {{ ref('adhoc_candidate_decisions') }}
),

final as (
    select
        request_row,
        {{ decision_event('null') }} as event
    from decisions
)

select * from final
