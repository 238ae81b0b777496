{#-
  flexible_regex_match of a value against its field's target_regex from the enrichment_fields seed, with each
  field's regex inlined as a constant (read when dbt compiles): a regex taken from a column is compiled once per
  row. A field the seed does not know never matches.
-#}
{% macro field_format_match(value, field) -%}
{%- set formats = [] -%}
{%- if execute -%}
    {%- for row in run_query("select field, target_regex from " ~ seed_relation('enrichment_fields') ~ " order by field") -%}
        {%- do formats.append((row[0], row[1])) -%}
    {%- endfor -%}
{%- endif -%}
(case {{ field }}
    {%- for name, regex in formats %}
    when {{ sql_string(name) }} then {{ flexible_regex_match(value, sql_string(regex)) }}
    {%- endfor %}
    else false
end)
{%- endmacro %}
