{#- What a CRM record's description says about the lead: the role it hires for, where, its score and the posting. -#}
{% macro crm_description() -%}
concat_ws(' ',
    'Hiring: ' || job_title || coalesce(' (' || location || ')', '') || '.',
    'Lead score ' || score || ' (' || top_tier || ').',
    case when company_type is not null then 'Company type: ' || company_type || '.' end,
    'Posting: ' || posting_url)
{%- endmacro %}
