{#-
  A company's web domain from its posting, and where it came from (domain_source): the posting URL's host when it
  is the company's own site (www. / careers. / jobs. stripped) - 'posting_url'; else - for job boards, ATS APIs
  and local addresses - the company key squeezed + '.com', which is only a guess - 'guess'.
-#}
{% macro is_own_site(posting_url) -%}
not ({{ normalize_host(posting_url) }} = ''
     or regexp_matches({{ normalize_host(posting_url) }},
        '(^|\.)({{ job_board_hosts() }})$|^(127\.|localhost$|\[?::1)'))
{%- endmacro %}

{#- The registrable domains of job boards, as one regex alternation: every source type's job hosts (the seed
    source_types, made from scrapy_project/spiders/) and the job sites keyword search and other ATSs use. -#}
{% macro job_board_hosts() -%}
{%- do ref('source_types') -%}  {#- registers the dependency -#}
{%- set hosts = ['linkedin.com', 'indeed.com', 'icims.com', 'ziprecruiter.com', 'glassdoor.com'] -%}
{%- if execute -%}
    {%- set query = "select distinct job_host from " ~ seed_relation('source_types') ~ " where job_host <> ''" -%}
    {%- for row in run_query(query) -%}{%- do hosts.append(row[0]) -%}{%- endfor -%}
{%- endif -%}
{{- hosts | unique | sort | map('replace', '.', '\\.') | join('|') -}}
{%- endmacro %}

{% macro domain_guess(posting_url, company) -%}
(case
    when {{ is_own_site(posting_url) }}
        then regexp_replace({{ normalize_host(posting_url) }}, '^(www|careers|jobs|apply|boards)\.', '')
    else regexp_replace({{ company_key(company) }}, '[^a-z0-9]+', '', 'g') || '.com'
end)
{%- endmacro %}

{% macro domain_source(posting_url) -%}
(case when {{ is_own_site(posting_url) }} then 'posting_url' else 'guess' end)
{%- endmacro %}
