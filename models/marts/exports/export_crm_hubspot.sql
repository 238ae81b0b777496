-- The leads as a HubSpot company import (solar_leads_<run_id>.hubspot.csv): HubSpot's default company properties by
-- their labels, so the import maps every column by itself. The domain (HubSpot's de-duplication key) is given only
-- when it is a fact - an accepted enrichment or the company's own site - never a guess. City, state and country come
-- from the accepted headquarters, else the posting's location.
{{ crm_export([
    ('Company name', 'company', true),
    ('Company Domain Name', factual_domain(), true),
    ('City', 'city', true),
    ('State/Region', 'state_region', true),
    ('Country/Region', 'country_region', true),
    ('Phone Number', 'main_phone', true),
    ('Number of Employees', 'try_cast(employee_count as integer)', false),
    ('Year Founded', 'founded_year', true),
    ('Lifecycle Stage', "'Lead'", false),
    ('Description', crm_description(), true),
]) }}
