{#-
  The rejection reasons of docs/enrichment-evidence.md, comma-joined in its order: verifier_rejected, low_confidence(X<Y) with X the
  computed confidence rounded to 3 decimals and Y the threshold, regex_mismatch, zero_recall_not_allowed.
  Null when every rule holds (the candidate is accepted).
-#}
{% macro acceptance_reason(passes_verdict, passes_confidence, passes_regex, recall_used, allow_zero_recall,
                           computed_conf, min_confidence) -%}
nullif(concat_ws(',',
    case when not {{ passes_verdict }} then 'verifier_rejected' end,
    case when not {{ passes_confidence }} then
        'low_confidence(' || round({{ computed_conf }}, 3)::varchar || '<' || ({{ min_confidence }})::double::varchar || ')'
    end,
    case when not {{ passes_regex }} then 'regex_mismatch' end,
    case when {{ recall_used }} <= 0 and not {{ allow_zero_recall }} then 'zero_recall_not_allowed' end
), '')
{%- endmacro %}
