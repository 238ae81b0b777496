-- One row per lead as the exports present it, values as they are (the CSV, the CRM files and the workbook each
-- take these): the original scraper's columns, the domain with where it came from, the company's place in separate
-- parts (the accepted headquarters, else the posting's location), then each accepted fact with its confidence and
-- source. export_order is the files' order (best score first).
{%- set fields = enrichment_field_names() %}
with leads as (
    select * from {{ ref('leads') }}
),

profiles as (
    select * from {{ ref('company_profiles') }}
),

final as (
    select
        leads.company,
        coalesce(profiles.website_domain, leads.domain) as domain,
        case when profiles.website_domain is not null then 'enrichment' else leads.domain_source end as domain_source,
        leads.job_title,
        leads.location,
        leads.confidence_score,
        leads.posting_url,
        leads.linkedin_managers,
        leads.linkedin_hiring,
        leads.linkedin_role,
        leads.google_enduser,
        leads.date_scraped,
        leads.posted_at,
        leads.first_seen,
        leads.is_new,
        leads.score,
        leads.top_tier,
        leads.source,
        leads.qualified_postings,
        {{ place_parts('coalesce(profiles.hq_city_state, leads.location)') }},
        {%- for field in fields %}
            profiles.{{ field }},
            profiles.{{ field }}_confidence,
            profiles.{{ field }}_source,
        {%- endfor %}
        row_number() over (order by leads.score desc, leads.company asc) as export_order
    from leads
    left join profiles using (company_key)
)

select * from final
