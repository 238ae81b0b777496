{#- The key that groups one company's postings, leads, searches and facts: its name, trimmed and lowercased. -#}
{% macro company_key(name) -%}
lower(trim({{ name }}))
{%- endmacro %}
