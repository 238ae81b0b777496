-- The leads as a HubSpot company import (solar_leads_<run_id>.hubspot.csv): HubSpot's default company properties by
-- their labels, so the import maps every column by itself. The domain (HubSpot's de-duplication key) is given only
-- when it is a fact - an accepted enrichment or the company's own site - never a guess. City, state and country come
-- from the accepted headquarters, else the posting's location.
with lead_rows as (
    select * from {{ ref('export_lead_rows') }}
),

final as (
    select
        {{ csv_safe('company') }} as "Company name",
        {{ csv_safe("case when domain_source <> 'guess' then domain end") }} as "Company Domain Name",
        {{ csv_safe('city') }} as "City",
        {{ csv_safe('state_region') }} as "State/Region",
        {{ csv_safe('country_region') }} as "Country/Region",
        {{ csv_safe('main_phone') }} as "Phone Number",
        try_cast(employee_count as integer) as "Number of Employees",
        {{ csv_safe('founded_year') }} as "Year Founded",
        'Lead' as "Lifecycle Stage",
        {{ csv_safe(crm_description()) }} as "Description",
        export_order
    from lead_rows
)

select * from final
