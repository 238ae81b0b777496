-- Every value the field's extraction patterns find in each snippet block, normalized, with the matched text
-- (the evidence quote) and whether the block's host is authoritative.
with blocks as (
    select * from {{ ref('int_snippets_deduplicated') }}
),

fields as (
    select * from {{ ref('enrichment_fields') }}
),

patterns as (
    select * from {{ ref('enrichment_patterns') }}
),

matches as (
    select
        blocks.snippet_block_id,
        blocks.company_key,
        blocks.company,
        blocks.field,
        blocks.host,
        blocks.url,
        blocks.block_rank,
        patterns.pattern_order,
        patterns.canonical_value,
        fields.normalize,
        fields.exclude_regex,
        unnest(regexp_extract_all(blocks.block_text, patterns.pattern, 1)) as raw_value,
        unnest(regexp_extract_all(blocks.block_text, patterns.pattern, 0)) as evidence_quote
    from blocks
    inner join patterns on blocks.field = patterns.field
    inner join fields on blocks.field = fields.field
),

final as (
    select
        snippet_block_id,
        company_key,
        company,
        field,
        host,
        url,
        block_rank,
        pattern_order,
        canonical_value is not null as is_canonical,
        {{ normalize_value('raw_value', 'normalize', 'canonical_value') }} as value,
        trim(evidence_quote) as evidence_quote,
        {{ is_authoritative_domain('host') }} as is_authoritative
    from matches
    where trim(raw_value) <> ''
        and not coalesce(regexp_matches(
            {{ normalize_value('raw_value', 'normalize', 'canonical_value') }}, nullif(exclude_regex, ''), 'i'
        ), false)
)

select * from final
