{#-
  True when `host` (already passed through normalize_host) is authoritative under the authoritative_domains
  seed. Matching is on label boundaries:
    public_suffix / registered_domain: the host is the entry or ends with '.' + entry (nasa.gov, www.imdb.com)
    host_prefix: the first of three or more labels is the entry (docs.python.org)
    label_pattern: a label other than the last fully matches the entry's regex (fandomwiki.com)
  The host's label suffixes (the host itself and its last 1..6 labels; entries have at most 6) are compared by
  equality with a semi-join, so imdb.com.evil.net, notimdb.com, evilgov.com and gov.evil.com never match. The
  label patterns are read from the seed when dbt compiles and inlined as one constant regex (compiled once).
-#}
{% macro is_authoritative_domain(host, domains=ref('authoritative_domains')) -%}
{%- set label_regex = authority_label_regex() -%}
(
    {{ host }} <> ''
    and (
        exists (
            select 1
            from (select unnest([
                {{ host }}
                {%- for depth in range(6) %},
                regexp_extract({{ host }}, '(?:[^.]+\.){{ '{' ~ depth ~ '}' }}[^.]+$')
                {%- endfor %}
            ]) as suffix)
            where suffix in (select pattern from {{ domains }} where match_kind in ('public_suffix', 'registered_domain'))
        )
        or (
            len(string_split({{ host }}, '.')) > 2
            and string_split({{ host }}, '.')[1] in (select pattern from {{ domains }} where match_kind = 'host_prefix')
        )
        or regexp_matches({{ host }}, {{ sql_string(label_regex) }})
    )
)
{%- endmacro %}
