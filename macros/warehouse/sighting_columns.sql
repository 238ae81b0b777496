{#-
  The columns of a posting sighting as the staging models give them (stg_crawl__postings, stg_jobsearch__postings),
  from a raw.postings row; `posted_at` is the source's expression for the publication time.
-#}
{% macro sighting_columns(posted_at) -%}
        source || ':' || external_id as posting_id,
        source,
        source_key,
        external_id,
        trim(company) as company,
        nullif(trim(title), '') as title,
        nullif(trim(location), '') as location,
        description,
        url as posting_url,
        {{ posted_at }} as posted_at,
        scraped_at,
        run_id
{%- endmacro %}
