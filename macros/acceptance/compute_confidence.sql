{#-
  computed_conf = 0.4 * model_conf + 0.5 * base + recall_factor (docs/enrichment-evidence.md).
  Rounded to 10 decimals so binary floating-point noise cannot move a value across a threshold:
  0.4 * 0.625 + 0.5 * 0.9 is exactly 0.7 and passes MIN_CONFIDENCE = 0.70.
-#}
{% macro compute_confidence(model_conf, base, recall_factor) -%}
round(0.4 * {{ model_conf }}::double + 0.5 * {{ base }}::double + {{ recall_factor }}::double, 10)
{%- endmacro %}
