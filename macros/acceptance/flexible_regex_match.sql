{#-
  Lenient regex validation of a candidate value, exactly:
    1. surrounding whitespace is trimmed, then one pair of matching surrounding quotes ("..." or '...'),
       then whitespace again;
    2. a blank (null or empty after trimming) candidate never matches;
    3. a null, empty or '.+' regex matches any non-blank candidate;
    4. otherwise the regex must match the whole cleaned candidate, case-insensitively (RE2 syntax);
    5. an invalid regex matches nothing (false, never an error for the other rows).
  So 'ABC' does not match '\d{4}', ' "1998" ' does.
-#}
{% macro flexible_regex_match(candidate, regex) -%}
(case
    when nullif({{ clean_candidate(candidate) }}, '') is null then false
    when coalesce(trim({{ regex }}), '') in ('', '.+') then true
    else coalesce(try(regexp_full_match({{ clean_candidate(candidate) }}, trim({{ regex }}), 'i')), false)
end)
{%- endmacro %}
