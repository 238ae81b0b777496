-- Every failed request and dropped item of every crawl, from raw.crawl_log: what failed, where and why.
with source as (
    select * from {{ source('crawl', 'crawl_log') }}
),

final as (
    select
        run_id,
        logged_at,
        kind,
        kind in ('item_dropped', 'malformed_result_url') as is_dropped_item,
        source,
        url,
        status,
        error,
        coalesce(retries, 0) as retries,
        reason,
        source_key,
        term
    from source
)

select * from final
