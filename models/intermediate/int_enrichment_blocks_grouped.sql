-- What the optional LLM extractor is asked, one row per lead company and field: the field's description and its
-- snippet blocks in rank order.
with blocks as (
    select * from {{ ref('int_snippets_deduplicated') }}
),

fields as (
    select * from {{ ref('enrichment_fields') }}
),

final as (
    select
        blocks.company_key,
        any_value(blocks.company) as company,
        blocks.field,
        any_value(fields.description) as field_description,
        list(blocks.block_text order by blocks.block_rank) as blocks
    from blocks
    inner join fields using (field)
    group by blocks.company_key, blocks.field
)

select * from final
