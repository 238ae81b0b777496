{#-
  One decision-log event of docs/enrichment-evidence.md ("Example Log Entries") as JSON text: accept, reject or
  fallback_accept. candidate_id ties the event to its input row. decision_kind names a fallback decision; pass
  null for a relation that has none (ad-hoc decisions).
-#}
{% macro decision_event(decision_kind='decision_kind') -%}
(case
    when accepted and coalesce({{ decision_kind }}, 'accept') = 'fallback_accept' then json_object(
        'event', 'fallback_accept', 'candidate_id', candidate_id, 'field', field, 'value', candidate,
        'confidence', round(computed_conf, 3), 'reason', reason)
    when accepted then json_object(
        'event', 'accept', 'candidate_id', candidate_id, 'field', field, 'value', candidate,
        'confidence', round(computed_conf, 3), 'recall_used', recall_used,
        'zero_recall_accepted', recall_used = 0)
    else json_object(
        'event', 'reject', 'candidate_id', candidate_id, 'field', field, 'reason', reason,
        'regex', coalesce(target_regex, ''), 'confidence', round(computed_conf, 3),
        'recall_used', recall_used, 'model_conf', model_conf)
end)::varchar
{%- endmacro %}
