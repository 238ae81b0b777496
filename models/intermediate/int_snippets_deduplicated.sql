-- The snippet blocks of each company and field from its latest search: one per URL (best rank kept), at most
-- MAX_SNIPPETS_TOTAL (var max_snippets_total), best ranked first. Each block's text is title + content + URL.
with snippets as (
    select * from {{ ref('stg_search__snippets') }}
),

latest as (
    select
        company_key,
        field,
        max(run_id) as run_id
    from snippets
    group by all
),

current_search as (
    select snippets.*
    from snippets
    inner join latest using (company_key, field, run_id)
),

one_per_url as (
    select *
    from current_search
    qualify row_number() over (partition by company_key, field, url order by rank, query) = 1
),

limited as (
    select
        *,
        row_number() over (partition by company_key, field order by rank, query, url) as block_rank
    from one_per_url
    qualify block_rank <= {{ var('max_snippets_total') }}
),

final as (
    select
        md5(company_key || '|' || field || '|' || url) as snippet_block_id,
        company_key,
        company,
        field,
        url,
        host,
        block_rank,
        title || ' ' || content || ' ' || url as block_text,
        run_id
    from limited
)

select * from final
