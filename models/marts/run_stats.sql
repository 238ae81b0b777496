-- The filter statistics (docs/lead-scoring.md, Run statistics) of the latest crawl run: what was processed, qualified
-- and rejected, why, by which tier, how many postings and failures each source had, and what its discovery searched and
-- found.
with crawled as (
    select * from {{ ref('stg_crawl__postings') }}
),

searched as (
    select * from {{ ref('stg_jobsearch__postings') }}
),

sightings as not materialized (
    -- read where used (the latest run's id, its sightings per source), not copied: one row per sighting ever
    select
        run_id,
        source
    from crawled
    union all
    select
        run_id,
        source
    from searched
),

discovery_log as (
    select * from {{ ref('stg_discovery__log') }}
),

boards as (
    select * from {{ ref('stg_discovery__boards') }}
),

crawl_log as (
    select * from {{ ref('stg_crawl__log') }}
),

latest as (
    select coalesce(max(run_id), '') as run_id from sightings
),

scores as (
    select lead_scores.* from {{ ref('lead_scores') }} as lead_scores
    inner join latest on lead_scores.run_id = latest.run_id
),

per_source as (
    select list({ 'source': source, 'postings': postings } order by source) as postings_by_source
    from (
        select
            source,
            count(*) as postings
        from sightings
        where run_id = (select run_id from latest)
        group by source
    )
),

listed_only as (
    -- jobs loaded from their board's list alone (their title missed the wide net), per board
    select
        coalesce(list({ 'board': source_key, 'postings': postings } order by source_key), [])
            as listed_only_by_board
    from (
        select
            source_key,
            count(*) as postings
        from crawled
        where run_id = (select run_id from latest) and is_listed_only
        group by source_key
    )
),

failures as (
    select
        count(*) filter (where not is_dropped_item) as failed_requests,
        count(*) filter (where is_dropped_item) as dropped_items
    from crawl_log
    where run_id = (select run_id from latest)
),

searches as (
    select * from discovery_log
    where run_id = (select run_id from latest) and step = 'jobsearch'
),

jobsearch as (
    select
        coalesce(
            list({
                'site': site, 'attempted': searches, 'succeeded': succeeded, 'blocked': blocked, 'jobs_found': jobs
            } order by site),
            []
        ) as jobsearch_by_site
    from (
        select
            site,
            count(*) as searches,
            count(*) filter (where succeeded) as succeeded,
            count(*) filter (where blocked) as blocked,
            sum(jobs_found) as jobs
        from searches
        group by site
    )
),

jobsearch_terms as (
    select
        coalesce(
            list({
                'site': site, 'term': term, 'attempts': attempts, 'succeeded': succeeded, 'blocked': blocked,
                'jobs_found': jobs_found
            } order by site, term),
            []
        ) as jobsearch_by_term
    from searches
),

boards_found as (
    select
        count(*) filter (where first_run_id = latest.run_id and found_by = 'search') as boards_found_by_search,
        count(*) filter (where first_run_id = latest.run_id and found_by = 'probe') as boards_found_by_probe,
        count(*) filter (where last_run_id = latest.run_id) as boards_crawled,
        count(*) filter (where is_retired) as boards_retired
    from boards
    cross join latest
),

rejections as (
    select
        rejection_category as category,
        count(*) as postings
    from scores
    where not qualified
    group by rejection_category
),

qualifications as (
    select
        top_tier as tier,
        count(*) as postings
    from scores
    where qualified
    group by top_tier
),

rejection_list as (
    select
        coalesce(list({ 'category': category, 'postings': postings } order by postings desc, category asc), [])
            as rejections_by_category
    from rejections
),

qualification_list as (
    select coalesce(list({ 'tier': tier, 'postings': postings } order by tier), []) as qualifications_by_tier
    from qualifications
),

counts as (
    select
        count(*) as processed,
        count(*) filter (where qualified) as qualified,
        count(*) filter (where not qualified) as rejected,
        count(*) filter (where company_blocked) as company_blocked
    from scores
),

final as (
    select
        latest.run_id,
        counts.processed,
        counts.qualified,
        counts.rejected,
        round(100.0 * counts.qualified / nullif(counts.processed, 0), 2) as pass_rate_pct,
        rejection_list.rejections_by_category,
        qualification_list.qualifications_by_tier,
        counts.company_blocked,
        per_source.postings_by_source,
        listed_only.listed_only_by_board,
        failures.failed_requests,
        failures.dropped_items,
        jobsearch.jobsearch_by_site,
        jobsearch_terms.jobsearch_by_term,
        boards_found.boards_found_by_search,
        boards_found.boards_found_by_probe,
        boards_found.boards_crawled,
        boards_found.boards_retired
    from latest
    cross join counts
    cross join rejection_list
    cross join qualification_list
    cross join per_source
    cross join listed_only
    cross join failures
    cross join jobsearch
    cross join jobsearch_terms
    cross join boards_found
)

select * from final
