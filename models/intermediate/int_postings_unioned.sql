-- Every source's staged postings in one relation, with the keys used to deduplicate them.
with unioned as (
    {% for source_type in ['greenhouse', 'lever', 'ashby', 'smartrecruiters', 'workable', 'jobposting'] -%}
    select * from {{ ref('stg_' ~ source_type ~ '__postings') }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

canonical as (
    select *, {{ canonical_url('posting_url') }} as page_url
    from unioned
),

final as (
    select
        * exclude (page_url),
        -- a URL identifies a posting only when one posting of a run carries it; a career page listing several
        -- postings under its own URL does not, so there the source's id is part of the key
        case
            when count(distinct posting_id) over (partition by run_id, source, page_url) > 1
                then page_url || '#' || posting_id
            else page_url
        end as canonical_url,
        {{ posting_fingerprint('company', 'title', 'location') }} as fingerprint
    from canonical
)

select * from final
