-- The leads as Salesforce Accounts (solar_leads_<run_id>.salesforce.csv): Account fields by their API names, which
-- Data Loader and the Data Import Wizard map by themselves. Website only when the domain is a fact (an accepted
-- enrichment or the company's own site), never a guess; billing city, state and country from the accepted
-- headquarters, else the posting's location.
{{ crm_export([
    ('Name', 'company', true),
    ('Website', factual_domain(), true),
    ('Phone', 'main_phone', true),
    ('BillingCity', 'city', true),
    ('BillingState', 'state_region', true),
    ('BillingCountry', 'country_region', true),
    ('NumberOfEmployees', 'try_cast(employee_count as integer)', false),
    ('YearStarted', 'founded_year', true),
    ('Type', "'Prospect'", false),
    ('Description', crm_description(), true),
]) }}
