{#-
  True when `host` (already passed through normalize_host) is authoritative under the authoritative_domains
  seed. Matching is on label boundaries:
    public_suffix / registered_domain: the host is the entry or ends with '.' + entry (nasa.gov, www.imdb.com)
    host_prefix: the first of three or more labels is the entry (docs.python.org)
    label_pattern: a label other than the last fully matches the entry's regex (fandomwiki.com)
  Every label suffix of the host is compared by equality, so imdb.com.evil.net, notimdb.com, evilgov.com and
  gov.evil.com never match. The seed lists are uncorrelated subqueries: DuckDB evaluates them once per query.
-#}
{% macro is_authoritative_domain(host, domains=ref('authoritative_domains')) -%}
(
    {{ host }} <> ''
    and (
        list_has_any(
            list_transform(
                generate_series(1, len(string_split({{ host }}, '.'))),
                lambda i: array_to_string(string_split({{ host }}, '.')[i:], '.')),
            (select list(pattern) from {{ domains }} where match_kind in ('public_suffix', 'registered_domain')))
        or (
            len(string_split({{ host }}, '.')) > 2
            and list_contains(
                (select list(pattern) from {{ domains }} where match_kind = 'host_prefix'),
                string_split({{ host }}, '.')[1]))
        or regexp_matches(
            {{ host }},
            '(^|\.)(' || coalesce(
                (select string_agg(pattern, '|') from {{ domains }} where match_kind = 'label_pattern'),
                '$^') || ')\.')
    )
)
{%- endmacro %}
