{#-
  A company's web domain from its posting, and where it came from (domain_source): the posting URL's host when it
  is the company's own site (www. / careers. / jobs. stripped) - 'posting_url'; else - for job boards, ATS APIs
  and local addresses - the company key squeezed + '.com', which is only a guess - 'guess'.
-#}
{% macro is_own_site(posting_url) -%}
not ({{ normalize_host(posting_url) }} = ''
     or regexp_matches({{ normalize_host(posting_url) }},
        '(^|\.)(greenhouse\.io|lever\.co|ashbyhq\.com|smartrecruiters\.com|workable\.com|myworkdayjobs\.com|linkedin\.com|indeed\.com|icims\.com|ziprecruiter\.com|glassdoor\.com)$|^(127\.|localhost$|\[?::1)'))
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
