-- Every keyword-search sighting (python-jobspy: source jobsearch:<site>) from raw.postings, in the columns of
-- stg_crawl__postings. The site's job id is the external id; its publication date is a plain date.
with source as (
    select * from {{ source('jobsearch', 'postings') }}
),

final as (
    select
        {{ sighting_columns('try_cast(posted_at as date)::timestamp') }}
    from source
    where starts_with(source, 'jobsearch:')
)

select * from final
