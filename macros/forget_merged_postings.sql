{#-
  After an incremental build of `relation` (keyed by posting_id): delete the postings that no URL belongs to any
  more - only a posting a URL left in this build (int_posting_urls' previous_dedupe_key) can have become one.
-#}
{% macro forget_merged_postings(relation, urls) -%}
delete from {{ relation }}
where posting_id in (
    select md5(dedupe_key) from (
        select previous_dedupe_key as dedupe_key from {{ urls }}
        where decided_at = (select max(decided_at) from {{ urls }}) and previous_dedupe_key is not null
        except
        select dedupe_key from {{ urls }}
    )
)
{%- endmacro %}
