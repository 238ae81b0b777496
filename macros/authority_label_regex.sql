{#-
  One constant regex for the label_pattern entries of authoritative_domains: a label other than the last fully
  matching one of them. Read when dbt compiles (a regex built per row would be compiled per row); matches nothing
  while dbt parses.
-#}
{% macro authority_label_regex() %}
{%- set patterns = [] -%}
{%- if execute -%}
    {%- set sql = "select pattern from " ~ seed_relation('authoritative_domains') ~ " where match_kind = 'label_pattern' order by pattern" -%}
    {%- for row in run_query(sql) -%}{%- do patterns.append(row[0]) -%}{%- endfor -%}
{%- endif -%}
{{ return('(^|\\.)(' ~ patterns | join('|') ~ ')\\.' if patterns else '$^') }}
{% endmacro %}
