{#- A value that says nothing: n/a, none, unknown, tbd, null, dashes, or shorter than two characters. -#}
{% macro is_placeholder(value) -%}
(lower(trim(coalesce({{ value }}, ''))) in ('n/a', 'na', 'none', 'unknown', 'tbd', 'null', '-', '--', '?')
    or length(trim(coalesce({{ value }}, ''))) < 2)
{%- endmacro %}
