{#-
  company + title + location, each lowercased to alphanumeric words (legal suffixes dropped from the company),
  so one job seen on several boards has one fingerprint.
-#}
{% macro posting_fingerprint(company, title, location) -%}
(
    trim(regexp_replace(regexp_replace(lower(coalesce({{ company }}, '')), '[^a-z0-9]+', ' ', 'g'),
        '\b(inc|llc|ltd|corp|corporation|co|company)\b', '', 'g'))
    || '|' || trim(regexp_replace(lower(coalesce({{ title }}, '')), '[^a-z0-9]+', ' ', 'g'))
    || '|' || trim(regexp_replace(lower(coalesce({{ location }}, '')), '[^a-z0-9]+', ' ', 'g'))
)
{%- endmacro %}
