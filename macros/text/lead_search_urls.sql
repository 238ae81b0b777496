{#- The original scraper's four search links for a lead: LinkedIn managers, hiring posts, the role, and end users. -#}
{% macro lead_search_urls(company, job_title) -%}
'https://www.linkedin.com/search/results/people/?keywords=' || url_encode({{ company }} || ' solar design manager')
    as linkedin_managers,
'https://www.linkedin.com/search/results/content/?keywords=' || url_encode({{ company }} || ' hiring solar designer')
    as linkedin_hiring,
'https://www.linkedin.com/search/results/people/?keywords=' || url_encode({{ company }} || ' ' || {{ job_title }})
    as linkedin_role,
'https://www.google.com/search?q=' || url_encode({{ company }} || ' solar installer reviews') as google_enduser
{%- endmacro %}
