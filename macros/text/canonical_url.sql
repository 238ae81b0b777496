{#-
  A URL for deduplication: scheme and host lowercased, fragment and trailing slash dropped, tracking
  parameters (utm_*, gh_src, fbclid, gclid, ref, source, src, trk, lever-source) removed, the rest sorted.
-#}
{% macro canonical_url(url) -%}
(
    lower(regexp_extract({{ url }}, '^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*)'))
    || rtrim(regexp_extract({{ url }}, '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*([^?#]*)', 1), '/')
    || coalesce('?' || nullif(array_to_string(list_sort(list_filter(
        string_split(regexp_extract({{ url }}, '\?([^#]*)', 1), '&'),
        lambda p: p <> '' and not regexp_matches(lower(p), '^(utm_[a-z_]+|gh_src|fbclid|gclid|ref|source|src|trk|lever-source)(=|$)')
    )), '&'), ''), '')
)
{%- endmacro %}
