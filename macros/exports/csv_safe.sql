{#-
  A text cell that a spreadsheet cannot run as a formula (OWASP CSV injection): text starting with = + - @, a tab
  or a carriage return gets a leading apostrophe. Null stays null.
-#}
{% macro csv_safe(value) -%}
(case
    when regexp_matches(cast({{ value }} as varchar), '^[=+\-@\t\r]') then chr(39) || cast({{ value }} as varchar)
    else cast({{ value }} as varchar)
end)
{%- endmacro %}
