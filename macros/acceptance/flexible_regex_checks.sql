{#-
  flexible_regex_match for a relation of distinct (candidate, target_regex) pairs, as a query returning
  candidate, target_regex, passes_regex - the same answers, faster when many values share few regexes.

  A regex that is data is compiled by DuckDB for every row it meets (about 6 us each), where a constant is
  compiled once. So the values first go through one compile per regex (and hash bucket): a bucket's distinct
  cleaned values become the lines of one text, and '(?m)^(?:regex)$' with the 'i' flag finds the lines it matches
  whole. A value returned that way matched the regex on its own line, so it fully matches the regex on its own
  (the line's ends look like the string's ends to ^, $ and \b). Only a regex that compiles by itself is used
  this way: wrapping an unbalanced one could change its meaning. Every pair not confirmed there - no match, a
  match that ran across lines, a value with a line break, an invalid regex - falls back to flexible_regex_match,
  which decides it alone. The fallback keeps the answers exactly those of the macro.
-#}
{% macro flexible_regex_checks(pairs) -%}
with cleaned_pairs as (
    select candidate, target_regex, {{ clean_candidate('candidate') }} as cleaned, trim(target_regex) as regex
    from {{ pairs }}
),

value_texts as (
    select regex, string_agg(distinct cleaned, chr(10)) as text
    from cleaned_pairs
    where cleaned <> '' and not contains(cleaned, chr(10)) and coalesce(regex, '') not in ('', '.+')
    group by regex, hash(cleaned) % 64
),

whole_line_matches as (
    select distinct regex, unnest(try(regexp_extract_all(text, '(?m)^(?:' || regex || ')$', 0, 'i'))) as cleaned
    from value_texts
    where try(regexp_matches('', regex)) is not null
)

select
    cleaned_pairs.candidate,
    cleaned_pairs.target_regex,
    case
        when whole_line_matches.cleaned is not null then true
        else {{ flexible_regex_match('cleaned_pairs.candidate', 'cleaned_pairs.target_regex') }}
    end as passes_regex
from cleaned_pairs
left join whole_line_matches
    on cleaned_pairs.regex = whole_line_matches.regex and cleaned_pairs.cleaned = whole_line_matches.cleaned
{%- endmacro %}
