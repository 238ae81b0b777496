{#- A double as bigint when it is a whole number (3.0 -> 3), else null (2.5, null). Cast text once before calling. -#}
{% macro whole_number(double_value) -%}
(case when {{ double_value }} = floor({{ double_value }}) then {{ double_value }}::bigint end)
{%- endmacro %}
