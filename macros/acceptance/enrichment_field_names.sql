{#- The fields of the enrichment_fields seed, in file order (empty while dbt parses). -#}
{% macro enrichment_field_names() %}
{%- do ref('enrichment_fields') -%}
{%- set names = [] -%}
{%- if execute -%}
    {%- for row in run_query("select field from " ~ seed_relation('enrichment_fields') ~ " order by rowid") -%}
        {%- do names.append(row[0]) -%}
    {%- endfor -%}
{%- endif -%}
{{ return(names) }}
{% endmacro %}
