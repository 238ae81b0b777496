{#- A field value as stored: canonical when the pattern defines one, else trimmed and normalized (lower / digits). -#}
{% macro normalize_value(raw_value, normalize, canonical_value='null') -%}
(case
    when {{ canonical_value }} is not null then {{ canonical_value }}
    when {{ normalize }} = 'lower' then lower(trim({{ raw_value }}))
    when {{ normalize }} = 'digits' then replace(trim({{ raw_value }}), ',', '')
    else trim({{ raw_value }})
end)
{%- endmacro %}
