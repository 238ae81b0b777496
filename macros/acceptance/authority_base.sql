{#- Source authority term of the confidence formula: 0.9 for an authoritative source, 0.6 otherwise. -#}
{% macro authority_base(is_authoritative) -%}
(case when {{ is_authoritative }} then 0.9 else 0.6 end)::double
{%- endmacro %}
