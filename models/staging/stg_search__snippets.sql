-- Search result blocks collected for enrichment (the SearxNG search API), renamed and cleaned.
with source as (
    select * from {{ source('search', 'snippets') }}
),

final as (
    select
        run_id,
        trim(company) as company,
        {{ company_key('company') }} as company_key,
        field,
        query,
        rank,
        url,
        lower(coalesce(nullif(host, ''), {{ normalize_host('url') }})) as host,
        coalesce(title, '') as title,
        coalesce(content, '') as content,
        scraped_at
    from source
    where company is not null and field is not null
)

select * from final
