{#- The shared shape of every postings staging model: one source type's rows of raw.postings, renamed and cast. -#}
{% macro stage_postings(source_type) -%}
with source as (
    select * from {{ source('raw', 'postings') }}
    where source = '{{ source_type }}'
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
        try_cast(posted_at as timestamp) as posted_at,
        scraped_at,
        run_id
    from source
)

select * from final
{%- endmacro %}
