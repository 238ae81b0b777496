{#- A text value as bigint when it is a whole number ('3', ' 3 ', '3.0'), else null ('2.5', 'x', ''). -#}
{% macro whole_number(value) -%}
(case
    when try_cast(trim({{ value }}) as double) = floor(try_cast(trim({{ value }}) as double))
        then try_cast(trim({{ value }}) as double)::bigint
end)
{%- endmacro %}
