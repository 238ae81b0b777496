{#-
  company + title + location: the company by its company_key (legal terms dropped), title and location lowercased
  to alphanumeric words, so one job seen on several boards has one fingerprint.
-#}
{% macro posting_fingerprint(company, title, location) -%}
(
    {{ company_key(company) }}
    || '|' || trim(regexp_replace(lower(coalesce({{ title }}, '')), '[^a-z0-9]+', ' ', 'g'))
    || '|' || trim(regexp_replace(lower(coalesce({{ location }}, '')), '[^a-z0-9]+', ' ', 'g'))
)
{%- endmacro %}
