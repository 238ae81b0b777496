{#-
  One RE2 pattern for a list of lowercase regex fragments, matched on word boundaries:
  \b(?:term1|term2)\b. The text it is applied to is lowercased once, so no case flag is needed.
  With no terms the pattern matches nothing.
-#}
{% macro terms_regex(terms) -%}
{%- if terms | length == 0 -%}$^{%- else -%}\b(?:{{ terms | join('|') }})\b{%- endif -%}
{%- endmacro %}
