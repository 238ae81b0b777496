{#-
  After an incremental build of `relation` (keyed by posting_id, holding qualified postings only): delete the postings
  that are no longer qualified in `scores` (int_postings_scored), or no longer there at all (merged away).
-#}
{% macro forget_unqualified_postings(relation, scores) -%}
delete from {{ relation }}
where posting_id not in (select posting_id from {{ scores }} where qualified)
{%- endmacro %}
