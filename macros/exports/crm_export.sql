{#-
  A CRM import file from export_lead_rows: `columns` is a list of (header, expression, is_text) in file order;
  text columns are csv_safe. The domain is given only when it is a fact (domain_source enrichment or posting_url).
-#}
{% macro crm_export(columns) %}
with lead_rows as (
    select * from {{ ref('export_lead_rows') }}
),

final as (
    select
        {%- for header, expression, is_text in columns %}
        {{ csv_safe(expression) if is_text else expression }} as "{{ header }}",
        {%- endfor %}
        export_order
    from lead_rows
)

select * from final
{% endmacro %}

{#- The lead's domain when it is a fact, else null: a CRM de-duplicates on it, so a guess must never reach one. -#}
{% macro factual_domain() -%}
case when domain_source <> 'guess' then domain end
{%- endmacro %}
