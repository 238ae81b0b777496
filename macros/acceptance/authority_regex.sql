{#-
  The whole authoritative_domains seed as one constant RE2 regex over a normalized host, read when dbt compiles
  (a regex built per row would be compiled per row; a constant one is compiled once and runs as a DFA):
    public_suffix / registered_domain: the entry is the host or its last labels   (^|\.)(gov|imdb\.com)$
    host_prefix: the entry is the first of three or more labels                  ^(docs|api)(\.[^.]+){2,}$
    label_pattern: a label other than the last fully matches the entry's regex   (^|\.)([a-z0-9-]*wiki[a-z0-9-]*)\.
  Anchors on '.' and the ends keep matches on label boundaries. Domain and prefix entries are plain host text
  (the seed's tests check it), so escaping the dots quotes them. Matches nothing while dbt parses.
-#}
{% macro authority_regex() %}
{%- set entries = {'suffix': [], 'prefix': [], 'label': []} -%}
{%- set kinds = {'public_suffix': 'suffix', 'registered_domain': 'suffix', 'host_prefix': 'prefix',
                 'label_pattern': 'label'} -%}
{%- if execute -%}
    {%- set sql = "select match_kind, pattern from " ~ seed_relation('authoritative_domains') ~ " order by match_kind, pattern" -%}
    {%- for row in run_query(sql) -%}
        {%- set pattern = row[1] if row[0] == 'label_pattern' else row[1] | replace('.', '\\.') -%}
        {%- do entries[kinds[row[0]]].append(pattern) -%}
    {%- endfor -%}
{%- endif -%}
{%- set parts = [] -%}
{%- if entries.suffix %}{% do parts.append('(^|\\.)(' ~ entries.suffix | join('|') ~ ')$') %}{% endif -%}
{%- if entries.prefix %}{% do parts.append('^(' ~ entries.prefix | join('|') ~ ')(\\.[^.]+){2,}$') %}{% endif -%}
{%- if entries.label %}{% do parts.append('(^|\\.)(' ~ entries.label | join('|') ~ ')\\.') %}{% endif -%}
{{ return(parts | join('|') if parts else '$^') }}
{% endmacro %}
