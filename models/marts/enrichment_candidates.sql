-- Candidate facts for the lead companies, with everything the acceptance rules need.
with recalled as (
    select * from {{ ref('int_enrichment_candidates_recalled') }}
),

final as (
    select
        md5(company_key || '|' || field || '|' || value) as candidate_id,
        company_key,
        company,
        field,
        value as candidate,
        model_conf,
        source_hint,
        source_url,
        evidence_quote,
        verdict,
        target_regex,
        passes_format,
        recall_hits,
        {{ recall_used() }},
        support_blocks,
        '{{ var("extractor") }}' as extractor
    from recalled
)

select * from final
