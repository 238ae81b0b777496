{#- Evidence bonus of docs/enrichment-evidence.md: min(0.1, recall_used / recall_hits * 0.1); 0 when recall_hits = 0. -#}
{% macro recall_factor(recall_used, recall_hits) -%}
(case
    when coalesce({{ recall_hits }}, 0) <= 0 then 0.0
    else least(0.1, {{ recall_used }}::double / {{ recall_hits }}::double * 0.1)
end)
{%- endmacro %}
