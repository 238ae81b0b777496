{#-
  The table a seed is loaded into, for macros that read rules with run_query while dbt compiles. Not ref():
  inside a dbt unit test ref() names a fixture CTE that a separate run_query cannot see. The seed's schema
  follows this project's convention (generate_schema_name: seeds).
-#}
{% macro seed_relation(seed) %}
{{ return(api.Relation.create(database=target.database, schema=generate_schema_name('seeds', none), identifier=seed)) }}
{% endmacro %}
