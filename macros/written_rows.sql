{#-
  A condition on the rows of an incremental model keyed by posting or URL that holds for the rows the last build
  wrote: 'touched_postings' (posting_id among the postings its new sightings touched) or 'decided_urls' (the URLs it
  decided). In a full build every row.
-#}
{% macro written_rows(kind) -%}
    {%- if kind == 'touched_postings' -%}
        posting_id in (select md5(dedupe_key) from ({{ touched_posting_keys(ref('int_posting_urls'), true) }}))
    {%- elif kind == 'decided_urls' -%}
        decided_at = (select max(decided_at) from {{ ref('int_posting_urls') }})
    {%- else -%}
        {{ exceptions.raise_compiler_error("written_rows: unknown kind " ~ kind) }}
    {%- endif -%}
{%- endmacro %}
