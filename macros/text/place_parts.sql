{#-
  City, state / region and country of a place written as "City, ST" or "City, Region, Country" (the first of
  several places separated by ";"); a remote place has none. A US state code implies the United States.
-#}
{% macro place_parts(place) -%}
{%- set first = "nullif(trim(split_part(coalesce(" ~ place ~ ", ''), ';', 1)), '')" -%}
{%- set parts = "case when regexp_matches(lower(" ~ first ~ "), '\\bremote\\b') then [] else list_transform(string_split(" ~ first ~ ", ','), lambda p: trim(p)) end" -%}
nullif({{ parts }}[1], '') as city,
nullif({{ parts }}[2], '') as state_region,
coalesce(
    nullif({{ parts }}[3], ''),
    case when regexp_full_match({{ parts }}[2], '{{ us_state_codes() }}') then 'United States' end
) as country_region
{%- endmacro %}

{% macro us_state_codes() -%}
AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR
{%- endmacro %}
