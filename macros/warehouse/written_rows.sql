{#-
  A condition on the rows of an incremental model keyed by posting or URL that holds for the rows the last build
  wrote: 'touched_postings' (marts.postings: posting_id among the postings its new sightings touched),
  'decided_urls' (int_posting_urls: the URLs it decided) or 'scored_postings' (int_postings_scored: the postings it
  scored). In a full build every row. Each names only the tested model and its parents, so a build of part of the
  graph selects the test with the model.
-#}
{% macro written_rows(kind) -%}
    {%- if kind == 'touched_postings' -%}
        posting_id in (select md5(dedupe_key) from ({{ touched_posting_keys(ref('int_posting_urls'), true) }}))
    {%- elif kind == 'scored_postings' -%}
        scored_at = (select max(scored_at) from {{ ref('int_postings_scored') }})
    {%- elif kind == 'decided_urls' -%}
        decided_at = (select max(decided_at) from {{ ref('int_posting_urls') }})
    {%- else -%}
        {{ exceptions.raise_compiler_error("written_rows: unknown kind " ~ kind) }}
    {%- endif -%}
{%- endmacro %}
