-- The leads CSV (solar_leads_<run_id>.csv): export_lead_rows with every text cell neutralized for spreadsheets
-- (csv_safe); the place parts are the CRM files' (the CSV keeps the posting's location and the accepted HQ).
{%- set text_columns = ['company', 'domain', 'domain_source', 'job_title', 'location', 'posting_url',
                        'linkedin_managers', 'linkedin_hiring', 'linkedin_role', 'google_enduser', 'top_tier', 'source'] %}
{%- for field in enrichment_field_names() %}{% do text_columns.extend([field, field ~ '_source']) %}{% endfor %}
with lead_rows as (
    select * from {{ ref('export_lead_rows') }}
),

final as (
    select
        * exclude (city, state_region, country_region) replace (
            {%- for column in text_columns %}
                {{ csv_safe(column) }} as {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
        )
    from lead_rows
)

select * from final
