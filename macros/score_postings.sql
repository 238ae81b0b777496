{#-
  The first seed's lead scoring over a relation with columns item_id, title, company, description (title may be
  null: the first 200 characters of the description stand in for it). Adds:
    title_used, company_blocked, has_solar_context, fires_<tier> flags, role_score (sum of the weights of the
    tiers that fire), company_score (10 when the company name signals a solar business), score, eligible
    (not blocked, solar context, no exclusion), exclusion_category, rejection_category (company_blocklist,
    no_solar_context, exclusions.<category>, below_threshold; null when qualified), qualified,
    confidence_score = min(score, 100) when qualified, top_tier, reasons (list of {signal, tier, weight, matched}).
  Exclusions with scope `title` look at the title only, so "installer" or "project manager" inside a design
  posting's text does not sink it; a tier flagged overrides_title_exclusions (a design title) lifts them.
  Exclusions with scope `text` are lifted by a tier flagged overrides_text_exclusions (design tools, an explicit
  solar design title). Regexes come from scoring_rules(); expensive text matching runs only on rows with solar
  context (CASE evaluates its branches only for the rows that reach them).
-#}
{% macro score_postings(items, threshold=var('lead_threshold')) -%}
{%- set rules = scoring_rules() -%}
{%- set scope_column = {'title': 'title_text', 'text': 'full_text'} -%}
{#- a superset of solar context: a text matching neither lexicon cannot have it, whatever else it says -#}
{%- set context_candidates = rules.lexicon.get('solar_context', '$^') ~ '|' ~ rules.lexicon.get('solar_context_acronym', '$^') -%}
with prepared as (
    select
        *,
        coalesce(nullif(trim(title), ''), left(description, 200)) as title_used,
        coalesce(nullif(trim(title), ''), left(description, 200)) as title_text,
        coalesce(title, '') || ' ' || coalesce(description, '') as full_text,
        coalesce(company, '') as company_text
    from {{ items }}
),

context as (
    select
        *,
        regexp_matches(company_text, {{ sql_string(rules.blocklist) }}, 'i') as company_blocked,
        regexp_matches(company_text, {{ sql_string(rules.lexicon.get('solar_company', '$^')) }}, 'i')
            as solar_company,
        -- one pass over every text: can it have solar context at all? (most job postings cannot)
        regexp_matches(full_text, {{ sql_string(context_candidates) }}, 'i') as mentions_solar
    from prepared
),

signals as (
    select
        * exclude (mentions_solar),
        coalesce(case when mentions_solar then
            regexp_matches(
                regexp_replace(full_text, {{ sql_string(rules.lexicon.get('false_solar_context', '$^')) }}, ' ', 'gi'),
                {{ sql_string(rules.lexicon.get('solar_context', '$^')) }}, 'i')
            or (regexp_matches(
                    regexp_replace(full_text, {{ sql_string(rules.lexicon.get('false_solar_context', '$^')) }}, ' ', 'gi'),
                    {{ sql_string(rules.lexicon.get('solar_context_acronym', '$^')) }}, 'i')
                and not regexp_matches(full_text, {{ sql_string(rules.lexicon.get('context_veto', '$^')) }}, 'i'))
        end, false) as has_solar_context
    from context
),

matches as (
    select
        *,
        {%- for tier in rules.tiers %}
        coalesce(case when has_solar_context then
            regexp_matches({{ scope_column[tier.scope] }}, {{ sql_string(tier.regex) }}, 'i')
            {%- if tier.requires_regex %}
            and regexp_matches({{ scope_column[tier.requires_scope] }}, {{ sql_string(tier.requires_regex) }}, 'i')
            {%- endif %}
        end, false) as fires_{{ tier.tier }},
        {%- endfor %}
        {%- for exclusion in rules.exclusions %}
        coalesce(case when has_solar_context then
            regexp_matches({{ scope_column[exclusion.scope] }}, {{ sql_string(exclusion.regex) }}, 'i')
        end, false) as excluded_{{ exclusion.scope }}_{{ exclusion.category }},
        {%- endfor %}
        case when solar_company then 10 else 0 end as company_score
    from signals
),

scored as (
    select
        *,
        0 {%- for tier in rules.tiers %} + case when fires_{{ tier.tier }} then {{ tier.weight }} else 0 end{% endfor %}
            as role_score,
        false {%- for tier in rules.tiers if tier.overrides_text %} or fires_{{ tier.tier }}{% endfor %}
            as lifts_text_exclusions,
        false {%- for tier in rules.tiers if tier.overrides_title %} or fires_{{ tier.tier }}{% endfor %}
            as lifts_title_exclusions
    from matches
),

excluded as (
    select
        *,
        role_score + company_score as score,
        case
            {%- for exclusion in rules.exclusions %}
            when excluded_{{ exclusion.scope }}_{{ exclusion.category }}
                and not lifts_{{ exclusion.scope }}_exclusions then 'exclusions.{{ exclusion.category }}'
            {%- endfor %}
        end as exclusion_category
    from scored
),

decided as (
    select
        *,
        not company_blocked and has_solar_context and exclusion_category is null as eligible,
        case
            when company_blocked then 'company_blocklist'
            when not has_solar_context then 'no_solar_context'
            when exclusion_category is not null then exclusion_category
            when score < {{ threshold }} then 'below_threshold'
        end as rejection_category
    from excluded
),

scores as (
    select
        * exclude (title_text, full_text, company_text, lifts_text_exclusions, lifts_title_exclusions),
        rejection_category is null as qualified,
        case when rejection_category is null then least(score, 100) end as confidence_score,
        case
            {%- for tier in rules.tiers %}
            when fires_{{ tier.tier }} then '{{ tier.tier }}'
            {%- endfor %}
        end as top_tier,
        list_filter([
            {%- for tier in rules.tiers %}
            case when fires_{{ tier.tier }} then {
                'signal': {{ sql_string(tier.description) }}, 'tier': '{{ tier.tier }}', 'weight': {{ tier.weight }},
                'matched': lower(regexp_extract({{ scope_column[tier.scope] }}, {{ sql_string(tier.regex) }}, 0, 'i'))
            } end,
            {%- endfor %}
            case when solar_company then {
                'signal': 'solar company name', 'tier': 'company', 'weight': 10,
                'matched': lower(regexp_extract(company_text, {{ sql_string(rules.lexicon.get('solar_company', '$^')) }}, 0, 'i'))
            } end
        ], lambda r: r is not null) as reasons
    from decided
)

select * from scores
{%- endmacro %}
