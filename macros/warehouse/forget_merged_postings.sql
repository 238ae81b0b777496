{#-
  After an incremental build of `relation` (keyed by posting_id): delete the postings that no URL belongs to any
  more - only a posting a URL left in this build (int_posting_urls' previous_dedupe_key) can have become one.
-#}
{% macro forget_merged_postings(relation, urls) -%}
delete from {{ relation }}
where posting_id in (
    -- the keys URLs of this build left, that no URL has now. The few URLs that moved are found first, and kept
    -- (materialized): inlined, DuckDB builds its anti join on every URL's key, 0.1 s at 1M even when none moved
    with moved as materialized (
        select previous_dedupe_key
        from {{ urls }}
        where
            decided_at = (select max(decided_at) from {{ urls }})
            and previous_dedupe_key <> dedupe_key
    )

    select md5(moved.previous_dedupe_key)
    from moved
    where not exists (select 1 from {{ urls }} as still where still.dedupe_key = moved.previous_dedupe_key)
)
{%- endmacro %}
