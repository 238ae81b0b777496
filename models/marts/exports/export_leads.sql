-- The leads CSV, row by row: the seed scraper's columns, then each accepted fact with its confidence and source.
-- Text cells are neutralized for spreadsheets (csv_safe); the domain is the accepted website when the evidence
-- rules accepted one, else the guess. export_order is the file's order (best score first).
{%- set fields = enrichment_field_names() %}
with leads as (
    select * from {{ ref('leads') }}
),

profiles as (
    select * from {{ ref('company_profiles') }}
),

final as (
    select
        {{ csv_safe('leads.company') }} as company,
        {{ csv_safe('coalesce(profiles.website_domain, leads.domain)') }} as domain,
        {{ csv_safe('leads.job_title') }} as job_title,
        {{ csv_safe('leads.location') }} as location,
        leads.confidence_score,
        {{ csv_safe('leads.posting_url') }} as posting_url,
        {{ csv_safe('leads.linkedin_managers') }} as linkedin_managers,
        {{ csv_safe('leads.linkedin_hiring') }} as linkedin_hiring,
        {{ csv_safe('leads.linkedin_role') }} as linkedin_role,
        {{ csv_safe('leads.google_enduser') }} as google_enduser,
        leads.date_scraped,
        leads.score,
        {{ csv_safe('leads.top_tier') }} as top_tier,
        {{ csv_safe('leads.source') }} as source,
        leads.qualified_postings,
        {%- for field in fields %}
        {{ csv_safe('profiles.' ~ field) }} as {{ field }},
        profiles.{{ field }}_confidence,
        {{ csv_safe('profiles.' ~ field ~ '_source') }} as {{ field }}_source,
        {%- endfor %}
        row_number() over (order by leads.score desc, leads.company) as export_order
    from leads
    left join profiles using (company_key)
)

select * from final
