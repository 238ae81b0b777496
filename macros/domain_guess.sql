{#-
  A company's web domain, guessed: the posting URL's host when it is the company's own site (www. / careers. /
  jobs. stripped), else - for job boards, ATS APIs and local addresses - the company name squeezed + '.com'.
-#}
{% macro domain_guess(posting_url, company) -%}
(case
    when {{ normalize_host(posting_url) }} = ''
        or regexp_matches({{ normalize_host(posting_url) }},
            '(^|\.)(greenhouse\.io|lever\.co|ashbyhq\.com|smartrecruiters\.com|workable\.com|myworkdayjobs\.com|linkedin\.com|indeed\.com|icims\.com)$|^(127\.|localhost$|\[?::1)')
        then regexp_replace(lower(coalesce({{ company }}, '')), '[^a-z0-9]+|\b(inc|llc|ltd|corp)\b', '', 'g') || '.com'
    else regexp_replace({{ normalize_host(posting_url) }}, '^(www|careers|jobs|apply|boards)\.', '')
end)
{%- endmacro %}
