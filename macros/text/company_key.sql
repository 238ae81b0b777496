{#-
  The key that groups one company's postings, leads, searches and facts: its name lowercased, accents stripped,
  every run of characters that is not a letter or digit made one space (letters of any script are kept), and
  trailing legal-entity terms removed (Inc, LLC, Ltd, GmbH & Co. KG, Pty Ltd, ...: the seed
  company_legal_terms, from cleanco). "Acme Solar, Inc.", "Acme Solar Inc" and "ACME SOLAR LLC" are all
  "acme solar"; a name that is nothing but legal terms keeps them.
-#}
{% macro company_key(name) -%}
{%- set normalized = "trim(regexp_replace(lower(strip_accents(coalesce(" ~ name ~ ", ''))), '[^\\p{L}\\p{N}]+', ' ', 'g'))" -%}
coalesce(
    nullif(trim(regexp_replace(' ' || {{ normalized }}, '{{ legal_terms_regex() }}', '')), ''),
    {{ normalized }}
)
{%- endmacro %}


{#- One pattern for the legal terms at the end of a normalized name: (?:\s(?:term|...))+$ (longest first). -#}
{% macro legal_terms_regex() -%}
{%- do ref('company_legal_terms') -%}  {#- registers the dependency -#}
{%- set terms = [] -%}
{%- if execute -%}
    {%- set query = "select term from " ~ seed_relation('company_legal_terms') ~ " order by length(term) desc, term" -%}
    {%- for row in run_query(query) -%}{%- do terms.append(row[0] | replace(' ', '\\s')) -%}{%- endfor -%}
{%- endif -%}
{%- if terms | length == 0 -%}$^{%- else -%}(?:\s(?:{{ terms | join('|') }}))+${%- endif -%}
{%- endmacro %}
