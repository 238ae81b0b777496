-- The decision log of the enrichment step: one event per decision, in the format of docs/enrichment-evidence.md
-- (Decision events).
with decisions as (
    select * from {{ ref('enrichment_decisions') }}
),

final as (
    select
        {{ decision_event('decision_kind') }} as event,
        row_number() over (order by company_key, field, decision_kind, candidate) as export_order
    from decisions
)

select * from final
