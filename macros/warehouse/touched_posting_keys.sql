{#-
  The dedupe keys of the postings the last build's new sightings touched, from int_posting_urls (`urls`): the keys
  the URLs it decided belong to now and those they left. In a full build (`incremental` false), every key.
-#}
{% macro touched_posting_keys(urls, incremental) -%}
    {%- if incremental %}
        select dedupe_key from {{ urls }}
        where decided_at = (select max(decided_at) from {{ urls }})
        union
        select previous_dedupe_key from {{ urls }}
        where decided_at = (select max(decided_at) from {{ urls }}) and previous_dedupe_key is not null
    {%- else %}
        select distinct dedupe_key from {{ urls }}
    {%- endif %}
{%- endmacro %}
