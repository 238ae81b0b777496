-- Every keyword-search sighting (python-jobspy: source jobsearch:<site>) from raw.postings, in the columns of
-- stg_crawl__postings. The site's job id is the external id; its publication date is a plain date.
with source as (
    select * from {{ source('jobsearch', 'postings') }}
),

final as (
    select
        source || ':' || external_id as posting_id,
        source,
        source_key,
        external_id,
        trim(company) as company,
        nullif(trim(title), '') as title,
        nullif(trim(location), '') as location,
        description,
        url as posting_url,
        try_cast(posted_at as date)::timestamp as posted_at,
        scraped_at,
        run_id
    from source
    where starts_with(source, 'jobsearch:')
)

select * from final
