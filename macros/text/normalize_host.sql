{#- Host of a URL or bare host: lowercased, scheme / user info / path / query / port / trailing dot removed. -#}
{% macro normalize_host(value) -%}
rtrim(
    regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(lower(trim(coalesce({{ value }}, ''))), '^[a-z][a-z0-9+.-]*://', ''),
                '[/?#].*$', ''),
            '^[^@]*@', ''),
        ':[0-9]*$', ''),
    '.')
{%- endmacro %}
