{#- Fails with every non-null value of `column_name` outside [min_value, max_value]. -#}
{% test within_range(model, column_name, min_value, max_value) %}
select *
from {{ model }}
where {{ column_name }} is not null
  and not ({{ column_name }} between {{ min_value }} and {{ max_value }})
{% endtest %}
