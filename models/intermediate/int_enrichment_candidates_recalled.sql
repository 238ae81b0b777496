-- One row per (company, field, value) found in the snippets: how strongly the blocks agree (model_conf), the
-- best supporting source (authoritative first, then best ranked), the evidence quote, the default verifier's
-- verdict, and recall over every block of that company and field.
with extracted as (
    select * from {{ ref('int_enrichment_values_extracted') }}
),

blocks as (
    select
        *,
        lower(block_text) as block_lower,
        list_distinct(regexp_extract_all(lower(block_text), '\w{2,}')) as block_tokens
    from {{ ref('int_snippets_deduplicated') }}
),

fields as (
    select * from {{ ref('enrichment_fields') }}
),

value_support as (
    select
        company_key,
        field,
        value,
        any_value(company) as company,
        bool_or(is_canonical) as is_canonical,
        count(distinct snippet_block_id) as support_blocks,
        arg_min(evidence_quote, (not is_authoritative, block_rank, pattern_order)) as evidence_quote,
        arg_min(host, (not is_authoritative, block_rank, pattern_order)) as source_hint,
        arg_min(url, (not is_authoritative, block_rank, pattern_order)) as source_url
    from extracted
    group by company_key, field, value
),

field_extractions as (
    select company_key, field, count(distinct snippet_block_id) as extracting_blocks
    from extracted
    group by all
),

field_hits as (
    select company_key, field, count(*) as recall_hits from blocks group by all
),

candidates as (
    select
        value_support.*,
        -- agreement: the share of value-bearing blocks that give this value, weighted by how many do
        round(least(1.0, value_support.support_blocks / field_extractions.extracting_blocks
            * (0.6 + 0.1 * least(value_support.support_blocks, 4))), 3) as model_conf,
        lower(value_support.evidence_quote) as quote_lower,
        lower(value_support.value) as value_lower,
        list_distinct(regexp_extract_all(lower(value_support.value), '\w{2,}')) as value_tokens,
        field_hits.recall_hits,
        fields.target_regex
    from value_support
    inner join field_extractions using (company_key, field)
    inner join field_hits using (company_key, field)
    inner join fields using (field)
),

recall as (
    select
        candidates.company_key,
        candidates.field,
        candidates.value,
        {{ recall_counts() }}
    from candidates
    inner join blocks using (company_key, field)
    group by all
),

final as (
    select
        candidates.company_key,
        candidates.company,
        candidates.field,
        candidates.value,
        candidates.model_conf,
        candidates.support_blocks,
        candidates.source_hint,
        candidates.source_url,
        candidates.evidence_quote,
        candidates.target_regex,
        candidates.recall_hits,
        recall.quote_blocks,
        recall.substring_blocks,
        recall.token_blocks,
        recall.character_blocks,
        len(candidates.value_tokens) > 0 as has_tokens,
        -- the default verifier: YES only when the value is in the evidence (a canonical value: its pattern
        -- matched the quote) and matches the field's format
        case
            when (candidates.is_canonical and candidates.evidence_quote <> '')
                or contains(candidates.quote_lower, candidates.value_lower)
            then case when {{ flexible_regex_match('candidates.value', 'candidates.target_regex') }} then 'YES' else 'NO' end
            else 'NO'
        end as verdict
    from candidates
    inner join recall using (company_key, field, value)
)

select * from final
