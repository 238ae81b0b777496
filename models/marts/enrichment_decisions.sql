-- Every enrichment decision: the acceptance rules of docs/enrichment-evidence.md over each candidate
-- (decide_candidates), and for a company and field where nothing was accepted, the fallback - a value stated in the
-- lead's own posting (int_posting_field_values; its best-scored posting, then the first pattern) that matches the
-- field's format is accepted as fallback_accept at confidence 0.50; a placeholder is refused.
with candidates as (
    select
        candidate_id,
        company_key,
        company,
        field,
        candidate,
        model_conf,
        source_hint,
        source_url,
        evidence_quote,
        recall_hits,
        recall_used,
        recall_pass,
        verdict,
        target_regex,
        passes_format as passes_regex,
        []::varchar [] as invalid_columns
    from {{ ref('enrichment_candidates') }}
),

decided as (
    {{ decide_candidates('candidates', regex_checked=true) }}
),

accepted_fields as (
    select distinct
        company_key,
        field
    from decided
    where accepted
),

lead_postings as (
    select
        posting_id,
        company_key,
        company,
        posting_url,
        score
    from {{ ref('lead_scores') }}
    where qualified
),

stated_lists as (
    select
        posting_id,
        unnest(field_values) as stated
    from {{ ref('int_posting_field_values') }}
),

stated_values as (
    -- what each qualified posting states, extracted once per posting text (int_posting_field_values)
    select
        posting_id,
        stated['field'] as field,
        stated['pattern_order'] as pattern_order,
        stated['candidate'] as candidate,
        stated['evidence_quote'] as evidence_quote
    from stated_lists
),

fields as (
    select * from {{ ref('enrichment_fields') }}
),

posting_values as (
    select
        lead_postings.company_key,
        lead_postings.company,
        fields.field,
        fields.target_regex,
        lead_postings.posting_url,
        stated_values.candidate,
        stated_values.evidence_quote,
        row_number() over (
            partition by lead_postings.company_key, fields.field
            order by lead_postings.score desc, stated_values.pattern_order asc, lead_postings.posting_url asc
        ) as preference
    from lead_postings
    inner join stated_values on lead_postings.posting_id = stated_values.posting_id
    inner join fields on stated_values.field = fields.field
),

fallbacks as (
    select
        md5(posting_values.company_key || '|' || posting_values.field || '|fallback') as candidate_id,
        posting_values.company_key,
        posting_values.company,
        posting_values.field,
        posting_values.candidate,
        null::double as model_conf,
        {{ normalize_host('posting_values.posting_url') }} as source_hint,
        posting_values.posting_url as source_url,
        posting_values.evidence_quote,
        0::bigint as recall_hits,
        0::bigint as recall_used,
        'posting' as recall_pass,
        null as verdict,
        posting_values.target_regex,
        {{ flexible_regex_match('posting_values.candidate', 'posting_values.target_regex') }} as passes_regex,
        {{ is_placeholder('posting_values.candidate') }} as is_placeholder
    from posting_values
    left join accepted_fields using (company_key, field)
    where posting_values.preference = 1 and accepted_fields.field is null
),

final as (
    select
        *,
        case when accepted then 'accept' else 'reject' end as decision_kind
    from decided
    union all by name
    select
        * exclude (is_placeholder),
        not is_placeholder and passes_regex as accepted,
        case when not is_placeholder and passes_regex then 0.5 end as computed_conf,
        case
            when is_placeholder then 'fallback_refused(placeholder)'
            when not passes_regex then 'fallback_refused(regex_mismatch)'
            else 'fallback: stated in the lead''s posting'
        end as reason,
        case when not is_placeholder and passes_regex then 'fallback_accept' else 'fallback_reject' end
            as decision_kind
    from fallbacks
)

select * from final
