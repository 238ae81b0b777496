{#-
  After an incremental build of `relation` (keyed by posting_id): delete the postings that no URL belongs to any
  more - only a posting a URL left in this build (int_posting_urls' previous_dedupe_key) can have become one.
-#}
{% macro forget_merged_postings(relation, urls) -%}
delete from {{ relation }}
where posting_id in (
    -- the keys URLs of this build left, that no URL has now: written from the few URLs that moved, so a build where
    -- none did reads no more than their decided_at (an except of every URL's key took 0.1 s at 1M)
    select md5(moved.previous_dedupe_key)
    from {{ urls }} as moved
    where
        moved.decided_at = (select max(decided_at) from {{ urls }})
        and moved.previous_dedupe_key <> moved.dedupe_key
        and not exists (select 1 from {{ urls }} as still where still.dedupe_key = moved.previous_dedupe_key)
)
{%- endmacro %}
