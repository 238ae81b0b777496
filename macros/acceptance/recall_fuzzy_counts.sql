{#-
  Passes 3 and 4 of docs/enrichment-evidence.md's evidence search, over candidate x snippet-block pairs (grouped by the caller;
  passes 1 and 2 - the evidence quote, then the value, as case-insensitive substrings - are plain contains()):
    3. token overlap: for a value with tokens of 2+ word characters, blocks holding at least 50% of them
    4. character overlap: for a value with no such token, blocks holding at least 50% of its characters
  Expects columns value_lower, value_tokens, block_lower. recall_used (macro) then takes the first pass of
  the four that found any block.
-#}
{% macro recall_fuzzy_counts() -%}
count(*) filter (
    where len(value_tokens) > 0
    and len(list_intersect(value_tokens, list_distinct(regexp_extract_all(block_lower, '\w{2,}'))))
        >= 0.5 * len(value_tokens)
) as token_blocks,
count(*) filter (
    where len(value_tokens) = 0 and length(value_lower) > 0
    and len(list_filter(string_split(value_lower, ''), lambda ch: contains(block_lower, ch)))
        >= 0.5 * length(value_lower)
) as character_blocks
{%- endmacro %}
