{#- The exceptions (docs/enrichment-evidence.md) to recall_used > 0: computed_conf >= 0.85, an authoritative source, or model_conf >= 0.9. -#}
{% macro allow_zero_recall(computed_conf, is_authoritative, model_conf) -%}
({{ computed_conf }} >= 0.85 or {{ is_authoritative }} or {{ model_conf }} >= 0.9)
{%- endmacro %}
