{#-
  The sightings a build keys, as a filter on a raw table: the ones loaded since the last build keyed its sightings
  (int_postings_keyed's latest scraped_at), or all of them in a full build. The raw tables only grow and a tested
  sighting does not change, so a daily build's tests read the new sightings, not the history (with a constant, the
  filter reaches the scan's zone maps). Used by the `__new_sightings__` placeholder (overrides/get_where_subquery.sql).
-#}
{% macro new_sightings_condition(database) -%}
    {%- set keyed = adapter.get_relation(database=database, schema='intermediate', identifier='int_postings_keyed') -%}
    {%- if keyed is none or flags.FULL_REFRESH or not execute -%}
        {{- return('true') -}}
    {%- endif -%}
    {{- return("scraped_at > timestamp '" ~ keyed_through(keyed) ~ "'") -}}
{%- endmacro %}

{#- The latest sighting int_postings_keyed (`keyed`) holds, as a constant (-infinity when none). -#}
{% macro keyed_through(keyed) -%}
    {{- return(run_query("select coalesce(max(scraped_at), timestamp '-infinity')::varchar from " ~ keyed)
        .columns[0].values()[0]) -}}
{%- endmacro %}
