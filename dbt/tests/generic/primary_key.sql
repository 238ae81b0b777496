{#- Fails with every value of `column_name` that is null or on more than one row: the column is the model's key.
    One pass over the column, where `unique` and `not_null` take two, and one node of the build instead of two.
    written (for the models kept between builds): which rows this build wrote (macro written_rows). Only the keys
    those rows carry are checked: a duplicate takes two rows with one key, and the rows kept from earlier builds were
    checked by them and do not change (a build only deletes them). A full build writes every row, so it checks every
    key. Nulls are looked for in every row (a scan of the column's validity alone). -#}
{% test primary_key(model, column_name, written=none) %}
select
    {{ column_name }} as key_value,
    count(*) as rows_with_it
from {{ model }}
{%- if written %}
where
    {{ column_name }} is null
    or {{ column_name }} in (select {{ column_name }} from {{ model }} where {{ written_rows(written) }})
{%- endif %}
group by {{ column_name }}
having {{ column_name }} is null or count(*) > 1
{% endtest %}
