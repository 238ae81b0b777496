{#-
  The second seed's evidence search, over candidate x snippet-block pairs (one row per pair, grouped by the
  caller). Passes, in order; recall_used is the count of the first pass that finds any block:
    1. evidence quote: blocks containing the quote (case-insensitive substring)
    2. substring: blocks containing the candidate value (case-insensitive)
    3. token overlap: for a value with tokens of 2+ word characters, blocks holding at least 50% of them
    4. character overlap: for a value with no such token, blocks holding at least 50% of its characters
  Expects columns quote_lower, value_lower, value_tokens, block_lower, block_tokens. Emits recall_used and
  recall_pass (quote, substring, tokens, characters or none).
-#}
{% macro recall_counts() -%}
count(*) filter (where quote_lower <> '' and contains(block_lower, quote_lower)) as quote_blocks,
count(*) filter (where value_lower <> '' and contains(block_lower, value_lower)) as substring_blocks,
count(*) filter (
    where len(value_tokens) > 0
    and len(list_intersect(value_tokens, block_tokens)) >= 0.5 * len(value_tokens)
) as token_blocks,
count(*) filter (
    where len(value_tokens) = 0 and length(value_lower) > 0
    and len(list_filter(string_split(value_lower, ''), lambda ch: contains(block_lower, ch)))
        >= 0.5 * length(value_lower)
) as character_blocks
{%- endmacro %}
