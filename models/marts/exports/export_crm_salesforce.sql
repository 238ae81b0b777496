-- The leads as Salesforce Accounts (solar_leads_<run_id>.salesforce.csv): Account fields by their API names, which
-- Data Loader and the Data Import Wizard map by themselves. Website only when the domain is a fact (an accepted
-- enrichment or the company's own site), never a guess; billing city, state and country from the accepted
-- headquarters, else the posting's location.
with lead_rows as (
    select * from {{ ref('export_lead_rows') }}
),

final as (
    select
        {{ csv_safe('company') }} as "Name",
        {{ csv_safe("case when domain_source <> 'guess' then domain end") }} as "Website",
        {{ csv_safe('main_phone') }} as "Phone",
        {{ csv_safe('city') }} as "BillingCity",
        {{ csv_safe('state_region') }} as "BillingState",
        {{ csv_safe('country_region') }} as "BillingCountry",
        try_cast(employee_count as integer) as "NumberOfEmployees",
        {{ csv_safe('founded_year') }} as "YearStarted",
        'Prospect' as "Type",
        {{ csv_safe(crm_description()) }} as "Description",
        export_order
    from lead_rows
)

select * from final
