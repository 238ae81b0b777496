{#-
  True when `host` (already passed through normalize_host) is authoritative under the authoritative_domains
  seed. Matching is on label boundaries:
    public_suffix / registered_domain: the host is the entry or ends with '.' + entry (nasa.gov, www.imdb.com)
    host_prefix: the first of three or more labels is the entry (docs.python.org)
    label_pattern: a label other than the last fully matches the entry's regex (fandomwiki.com)
  so imdb.com.evil.net, notimdb.com, evilgov.com and gov.evil.com never match. The seed is read when dbt
  compiles and inlined as one constant regex (authority_regex): one pass over each host, compiled once per query.
-#}
{% macro is_authoritative_domain(host) -%}
({{ host }} <> '' and regexp_matches({{ host }}, {{ sql_string(authority_regex()) }}))
{%- endmacro %}
