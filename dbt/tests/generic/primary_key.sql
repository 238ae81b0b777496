{#- Fails with every value of `column_name` that is null or on more than one row: the column is the model's key.
    One pass over the column, where `unique` and `not_null` take two, and one node of the build instead of two. -#}
{% test primary_key(model, column_name) %}
select
    {{ column_name }} as key_value,
    count(*) as rows_with_it
from {{ model }}
group by {{ column_name }}
having {{ column_name }} is null or count(*) > 1
{% endtest %}
