{#-
  Confusion counts and the metrics built on them, as aggregate select items over rows where `predicted` and
  `actual` are booleans: tp, fp, fn, tn, total, precision, recall, f1 (0 where undefined).
-#}
{% macro confusion_metrics(predicted, actual) -%}
count(*) filter (where {{ predicted }} and {{ actual }}) as tp,
count(*) filter (where {{ predicted }} and not {{ actual }}) as fp,
count(*) filter (where not {{ predicted }} and {{ actual }}) as fn,
count(*) filter (where not {{ predicted }} and not {{ actual }}) as tn,
count(*) as total,
coalesce(count(*) filter (where {{ predicted }} and {{ actual }})
    / nullif(count(*) filter (where {{ predicted }}), 0), 0.0) as "precision",
coalesce(count(*) filter (where {{ predicted }} and {{ actual }})
    / nullif(count(*) filter (where {{ actual }}), 0), 0.0) as recall,
coalesce(2.0 * count(*) filter (where {{ predicted }} and {{ actual }})
    / nullif(count(*) filter (where {{ predicted }}) + count(*) filter (where {{ actual }}), 0), 0.0) as f1
{%- endmacro %}
