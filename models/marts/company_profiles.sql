-- One row per lead company with each accepted fact (the best: highest confidence, then most evidence), its
-- confidence and its source URL. A field with nothing accepted is null.
{%- set fields = enrichment_field_names() %}
with leads as (
    select
        company_key,
        company
    from {{ ref('leads') }}
),

accepted as (
    select *
    from {{ ref('enrichment_decisions') }}
    where accepted
    qualify row_number() over (
            partition by company_key, field order by computed_conf desc, recall_used desc, candidate asc
        ) = 1
),

final as (
    select
        {%- for field in fields %}
            max(accepted.candidate) filter (where accepted.field = '{{ field }}') as {{ field }},
            max(accepted.computed_conf) filter (where accepted.field = '{{ field }}') as {{ field }}_confidence,
            max(accepted.source_url) filter (where accepted.field = '{{ field }}') as {{ field }}_source,
        {%- endfor %}
        leads.company_key,
        leads.company
    from leads
    left join accepted using (company_key)
    group by leads.company_key, leads.company
)

select * from final
