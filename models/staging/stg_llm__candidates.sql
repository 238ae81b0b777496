-- The LLM extractor's candidates (optional; empty unless LLM_BASE_URL is set), from its latest run per
-- company and field.
with source as (
    select * from {{ source('llm', 'candidates') }}
),

final as (
    select
        company_key,
        company,
        field,
        trim(value) as value,
        least(1.0, greatest(0.0, coalesce(model_conf, 0.0))) as model_conf,
        coalesce(evidence_quote, '') as evidence_quote,
        upper(trim(coalesce(verdict, 'NO'))) as verdict,
        run_id
    from source
    where nullif(trim(value), '') is not null
    qualify run_id = max(run_id) over (partition by company_key, field)
)

select * from final
