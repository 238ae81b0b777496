-- One row per qualified company: its best posting (highest score, then latest seen), a domain guess, the seed
-- scraper's four search links, and when the company was first seen qualifying: is_new when its first qualifying
-- posting appeared in the latest run (a sales team's "new this run").
with qualified as (
    select * from {{ ref('lead_scores') }}
    where qualified
),

latest_run as (
    select max(run_id) as run_id from {{ ref('postings') }}
),

ranked as (
    select
        *,
        count(*) over (partition by company_key) as qualified_postings,
        min(first_seen_at) over (partition by company_key) as company_first_seen_at,
        max(last_seen_at) over (partition by company_key) as company_last_seen_at,
        min(first_seen_run_id) over (partition by company_key) as company_first_run_id,
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
        posted_at,
        company_first_seen_at as first_seen,
        company_last_seen_at as last_seen,
        company_first_run_id = (select run_id from latest_run) as is_new,
        run_id
    from ranked
    where company_rank = 1
)

select * from final
