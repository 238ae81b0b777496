{#- A candidate value with whitespace and one pair of matching surrounding quotes removed (see flexible_regex_match). -#}
{% macro clean_candidate(candidate) -%}
trim(regexp_replace(trim(coalesce({{ candidate }}, '')), '^"(.*)"$|^''(.*)''$', '\1\2', 's'))
{%- endmacro %}
