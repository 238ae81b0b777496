{#-
  Override of dbt's `get_where_subquery` (the adapter's `duckdb__` form), as dbt's docs describe for custom `where`
  placeholders: a data test configured with `where: __new_sightings__` checks only the raw sightings this build keys
  (see warehouse/new_sightings_condition.sql). Any other `where` is applied as dbt does.
-#}
{% macro duckdb__get_where_subquery(relation) -%}
    {%- set where = config.get('where') or '' -%}
    {%- if '__new_sightings__' in where -%}
        {%- set where = where | replace('__new_sightings__', new_sightings_condition(relation.database)) -%}
    {%- endif -%}
    {%- if where -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') dbt_subquery') -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}
