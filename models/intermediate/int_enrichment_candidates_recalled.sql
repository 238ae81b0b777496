-- One row per (company, field, value) found in the snippets: how strongly the blocks agree (model_conf), the
-- best supporting source (authoritative first, then best ranked), the evidence quote, the default verifier's
-- verdict, and recall over every block of that company and field. With var extractor = 'llm' the values,
-- model_conf, evidence quote and verdict come from the LLM extractor and verifier instead; recall is the same.
-- depends_on: {{ ref('stg_llm__candidates') }}
with extracted as (
    select * from {{ ref('int_enrichment_values_extracted') }}
),

blocks as (
    select
        *,
        lower(block_text) as block_lower
    from {{ ref('int_snippets_deduplicated') }}
),

fields as (
    select * from {{ ref('enrichment_fields') }}
),

{% if var('extractor') == 'llm' %}
llm as (
    select * from {{ ref('stg_llm__candidates') }}
),

value_support as (
    -- the source of an LLM value: the best block holding its evidence quote
    select
        llm.company_key,
        llm.field,
        llm.value,
        any_value(llm.company) as company,
        false as is_canonical,
        count(blocks.snippet_block_id) as support_blocks,
        any_value(llm.evidence_quote) as evidence_quote,
        arg_min(blocks.host, (not {{ is_authoritative_domain('blocks.host') }}, blocks.block_rank)) as source_hint,
        arg_min(blocks.url, (not {{ is_authoritative_domain('blocks.host') }}, blocks.block_rank)) as source_url,
        any_value(llm.model_conf) as llm_model_conf,
        any_value(llm.verdict) as llm_verdict
    from llm
    left join blocks
        on llm.company_key = blocks.company_key and llm.field = blocks.field
        and llm.evidence_quote <> '' and contains(blocks.block_lower, lower(llm.evidence_quote))
    group by llm.company_key, llm.field, llm.value
),

field_extractions as (
    select company_key, field, 1 as extracting_blocks from llm group by all
),
{% else %}
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
            arg_min(url, (not is_authoritative, block_rank, pattern_order)) as source_url,
            null::double as llm_model_conf,
            null::varchar as llm_verdict
        from extracted
        group by company_key, field, value
    ),

    field_extractions as (
        select
            company_key,
            field,
            count(distinct snippet_block_id) as extracting_blocks
        from extracted
        group by all
    ),
{% endif %}

field_hits as (
    select
        company_key,
        field,
        count(*) as recall_hits
    from blocks
    group by all
),

candidates as (
    select
        value_support.*,
        -- agreement: the share of value-bearing blocks that give this value, weighted by how many do
        coalesce(value_support.llm_model_conf, round(least(
            1.0, value_support.support_blocks
            / field_extractions.extracting_blocks * (0.6 + 0.1 * least(value_support.support_blocks, 4))
        ), 3))
            as model_conf,
        lower(value_support.evidence_quote) as quote_lower,
        lower(value_support.value) as value_lower,
        list_distinct(regexp_extract_all(lower(value_support.value), '\w{2,}')) as value_tokens,
        field_hits.recall_hits,
        fields.target_regex,
        row_number() over () as candidate_number  -- an integer key for the candidate x block aggregates
    from value_support
    inner join field_extractions using (company_key, field)
    inner join field_hits using (company_key, field)
    inner join fields using (field)
),

exact_recall as (
    -- passes 1 and 2 for every candidate: plain substring tests over the company's blocks for the field
    select
        candidates.candidate_number,
        count(*) filter (
            where candidates.quote_lower <> '' and contains(blocks.block_lower, candidates.quote_lower)
        ) as quote_blocks,
        count(*) filter (
            where candidates.value_lower <> '' and contains(blocks.block_lower, candidates.value_lower)
        ) as substring_blocks
    from candidates
    inner join blocks using (company_key, field)
    group by candidates.candidate_number
),

fuzzy_recall as (
    -- passes 3 and 4 only where 1 and 2 found nothing: tokenizing every block for every candidate is the
    -- expensive part of the evidence search
    select
        candidates.candidate_number,
        {{ recall_fuzzy_counts() }}
    from candidates
    inner join exact_recall using (candidate_number)
    inner join blocks using (company_key, field)
    where exact_recall.quote_blocks = 0 and exact_recall.substring_blocks = 0
    group by candidates.candidate_number
),

recall as (
    select
        exact_recall.*,
        coalesce(fuzzy_recall.token_blocks, 0) as token_blocks,
        coalesce(fuzzy_recall.character_blocks, 0) as character_blocks
    from exact_recall
    left join fuzzy_recall using (candidate_number)
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
        {{ field_format_match('candidates.value', 'candidates.field') }} as passes_format,
        -- the default verifier: YES only when the value is in the evidence (a canonical value: its pattern
        -- matched the quote) and matches the field's format
        case
            when candidates.llm_verdict is not null then candidates.llm_verdict
            when (
                (candidates.is_canonical and candidates.evidence_quote <> '')
                or contains(candidates.quote_lower, candidates.value_lower)
            )
            and {{ field_format_match('candidates.value', 'candidates.field') }}
                then 'YES'
            else 'NO'
        end as verdict
    from candidates
    inner join recall using (candidate_number)
)

select * from final
