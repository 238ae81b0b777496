{#- The count of the first evidence pass that found any block (see recall_counts), and that pass's name. -#}
{% macro recall_used() -%}
case
    when quote_blocks > 0 then quote_blocks
    when substring_blocks > 0 then substring_blocks
    when has_tokens then token_blocks
    else character_blocks
end as recall_used,
case
    when quote_blocks > 0 then 'quote'
    when substring_blocks > 0 then 'substring'
    when has_tokens and token_blocks > 0 then 'tokens'
    when not has_tokens and character_blocks > 0 then 'characters'
    else 'none'
end as recall_pass
{%- endmacro %}
