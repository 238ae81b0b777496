-- One row per qualified company: its best posting (highest score, then latest seen), a domain guess and the
-- seed scraper's four search links.
with qualified as (
    select * from {{ ref('lead_scores') }}
    where qualified
),

ranked as (
    select
        *,
        count(*) over (partition by company_key) as qualified_postings,
        row_number() over (
            partition by company_key order by score desc, last_seen_at desc, posting_id asc
        ) as company_rank
    from qualified
),

final as (
    select
        company_key,
        company,
        {{ domain_guess('posting_url', 'company') }} as domain,
        {{ domain_source('posting_url') }} as domain_source,
        title_used as job_title,
        location,
        confidence_score,
        score,
        top_tier,
        posting_url,
        posting_id,
        source,
        qualified_postings,
        {{ lead_search_urls('company', 'title_used') }},
        cast(last_seen_at as date) as date_scraped,
        run_id
    from ranked
    where company_rank = 1
)

select * from final
