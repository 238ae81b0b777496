{#-
  The lead scoring over a relation with columns item_id, title, company, description (title may be null: the first
  200 characters of the description stand in for it, as the original scraper did). Role first:
    1. company_blocked: the company is on the blocklist (an industry entry is lifted by a solar word in the name,
       so "Cadence Solar Designs" is not Cadence the EDA vendor; a competitor entry always holds).
    2. has_solar_context: the posting is in the solar PV domain (false contexts such as solar plexus removed).
    3. affirmed_text: the text with every negated or disclaimed clause removed ("does not involve solar PV system
       design", "Not a design role"): signals are looked for there only.
    4. role_class: the first role class (scoring_roles, in precedence order) whose terms name the title - or the
       description's first sentence when there is no title; an engineer of no stated discipline, or a title with no
       role at all, is a design role only when the text shows PV design work (a design tool or design work in plain
       words; or strong technical terms without utility-side work) - else other_engineering / unrelated.
    5. Signals (the tiers) add to the score only for a design role in the solar PV domain; a domain exclusion
       (tennis, aerospace, semiconductor) rejects unless a tier that overrides it fires.
  Adds: title_used, company_blocked, solar_company, has_solar_context, fires_<tier>, role_class, role_source,
  role_score, company_score, score, exclusion_category, eligible, rejection_category (company_blocklist,
  no_solar_context, exclusions.<category>, role.<class>, no_pv_design_signal, below_threshold; null when qualified),
  qualified,
  confidence_score = min(score, 100) when qualified, top_tier, reasons (list of {signal, tier, weight, matched}, the
  role first). `threshold` is a number or an SQL expression. Regexes come from scoring_rules(); the costly text
  matching runs only for rows with solar context (CASE evaluates its branches only for the rows that reach them).
-#}
{% macro score_postings(items, threshold=var('lead_threshold')) -%}
{%- set rules = scoring_rules() -%}
{%- set lexicon = rules.lexicon -%}
{%- set scope_column = {'title': 'title_text', 'text': 'affirmed_text'} -%}
{#- a superset of solar context: a text matching neither lexicon cannot have it, whatever else it says -#}
{%- set context_candidates = lexicon.get('solar_context', '$^') ~ '|' ~ lexicon.get('solar_context_acronym', '$^') -%}
{%- set negated_clause = lexicon.get('negation_cue', '$^') ~ '[^.!?;\\n]*' -%}
{%- set header_regex = '^\\s*(about (the|this) (job|role|position|opportunity)|job (description|summary|details|overview)|(position|role) (description|summary|overview)|description|overview|summary)\\s*:?\\s*(\\n|$)' -%}
{%- set evidence_tiers = {'strong': [], 'supporting': []} -%}
{%- for tier in rules.tiers if tier.design_evidence -%}{%- do evidence_tiers[tier.design_evidence].append(tier.tier) -%}{%- endfor -%}
with prepared as (
    select
        *,
        coalesce(nullif(trim(title), ''), left(description, 200)) as title_used,
        -- the rule terms are lowercase: the texts the rules read are lowercased once and matched without a case flag
        lower(coalesce(nullif(trim(title), ''), left(description, 200))) as title_text,
        case when nullif(trim(title), '') is null then 'first sentence' else 'title' end as role_title_source,
        coalesce(company, '') as company_text,
        -- one pass over every text: can it have solar context at all? (most job postings cannot; no term spans the
        -- break between title and description, so each is tested on its own and neither is copied)
        regexp_matches(coalesce(description, ''), {{ sql_string(context_candidates) }}, 'i')
            or regexp_matches(coalesce(title, ''), {{ sql_string(context_candidates) }}, 'i') as mentions_solar
    from {{ items }}
),

context as (
    select
        *,
        regexp_matches(company_text, {{ sql_string(lexicon.get('solar_company', '$^')) }}, 'i') as solar_company,
        -- the texts below are built only for the postings that can have solar context (CASE evaluates a branch only
        -- for the rows that reach it)
        -- a sentence break between title and text: no phrase is matched across the two
        case when mentions_solar then coalesce(title, '') || '.' || chr(10) || coalesce(description, '') end
            as full_text,
        -- without a title, the role is read from the description's first sentence, past a header such as
        -- "About the job" or "Job description:" that job boards put first
        case when mentions_solar then lower(coalesce(
            nullif(trim(title), ''),
            regexp_extract(
                regexp_replace(coalesce(description, ''), {{ sql_string(header_regex) }}, '', 'i'),
                '^\s*([^.!?\n]{0,160})', 1)
        )) end as role_title
    from prepared
),

cleaned as (
    select
        *,
        -- false contexts (solar plexus, solar system) removed before solar context is looked for
        case when mentions_solar then
            regexp_replace(full_text, {{ sql_string(lexicon.get('false_solar_context', '$^')) }}, ' ', 'gi')
        end as context_text
    from context
),

signals as (
    select
        * exclude (mentions_solar, full_text, context_text),
        regexp_matches(company_text, {{ sql_string(rules.blocklist.always) }}, 'i')
            or (regexp_matches(company_text, {{ sql_string(rules.blocklist.industry) }}, 'i') and not solar_company)
            as company_blocked,
        coalesce(case when mentions_solar then
            regexp_matches(context_text, {{ sql_string(lexicon.get('solar_context', '$^')) }}, 'i')
            or (regexp_matches(context_text, {{ sql_string(lexicon.get('solar_context_acronym', '$^')) }}, 'i')
                and not regexp_matches(full_text, {{ sql_string(lexicon.get('context_veto', '$^')) }}, 'i'))
        end, false) as has_solar_context,
        -- what the posting affirms about the work: without the company's own name (a name such as "Acme Solar
        -- Designs" is not work), and without negated or disclaimed clauses ("does not involve PV design"); "but
        -- not limited to" denies nothing, so it goes first
        case when mentions_solar then
            regexp_replace(
                regexp_replace(
                    case when company_text = '' then lower(full_text)
                         else replace(lower(full_text), lower(company_text), ' ') end,
                    {{ sql_string(lexicon.get('negation_exempt', '$^')) }}, ' ', 'g'),
                {{ sql_string(negated_clause) }}, ' ', 'g')
        end as affirmed_text
    from cleaned
),

matches as (
    select
        *,
        {%- for tier in rules.tiers %}
        coalesce(case when has_solar_context then
            regexp_matches({{ scope_column[tier.scope] }}, {{ sql_string(tier.regex) }})
            {%- if tier.requires_regex %}
            and regexp_matches({{ scope_column[tier.requires_scope] }}, {{ sql_string(tier.requires_regex) }})
            {%- endif %}
        end, false) as fires_{{ tier.tier }},
        {%- endfor %}
        {%- for exclusion in rules.exclusions %}
        coalesce(case when has_solar_context then
            regexp_matches({{ scope_column[exclusion.scope] }}, {{ sql_string(exclusion.regex) }})
        end, false) as excluded_{{ exclusion.category }},
        {%- endfor %}
        {%- for role in rules.roles %}
        coalesce(case when has_solar_context then
            regexp_matches(role_title, {{ sql_string(role.regex) }})
            {%- if role.unless %}
            and not regexp_matches(role_title, {{ sql_string(role.unless) }})
            {%- endif %}
        end, false) as is_role_{{ role.role_class }},
        {%- endfor %}
        coalesce(case when has_solar_context then
            regexp_matches(affirmed_text, {{ sql_string(lexicon.get('utility_work', '$^')) }})
        end, false) as does_utility_work,
        case when solar_company then 10 else 0 end as company_score
    from signals
),

evidence as (
    select
        *,
        -- the text shows PV design work: a design tool or design work in plain words, or strong technical terms
        -- in a posting that does no utility-side or structural work
        (false {%- for tier in evidence_tiers.strong %} or fires_{{ tier }}{% endfor %})
            or ((false {%- for tier in evidence_tiers.supporting %} or fires_{{ tier }}{% endfor %})
                and not does_utility_work) as shows_design_work,
        -- a design role is a lead only for PV design work: a solar tool, term, title or project in the work
        false {%- for tier in rules.tiers if tier.pv_specific %} or fires_{{ tier.tier }}{% endfor %} as has_pv_signal
    from matches
),

roles as (
    select
        *,
        case
            when not has_solar_context then null
            {%- for role in rules.roles %}
            when is_role_{{ role.role_class }} then
                {%- if role.role_class == 'engineering' %}
                -- an engineer of no stated discipline: the responsibilities decide
                case when shows_design_work then 'design' else 'other_engineering' end
                {%- else %} '{{ role.role_class }}'
                {%- endif %}
            {%- endfor %}
            when shows_design_work then 'design'
            else 'unrelated'
        end as role_class,
        case
            when not has_solar_context then null
            {%- for role in rules.roles %}
            when is_role_{{ role.role_class }} then role_title_source
            {%- endfor %}
            else 'responsibilities'
        end as role_source,
        case
            {%- for role in rules.roles %}
            when is_role_{{ role.role_class }} then regexp_extract(role_title, {{ sql_string(role.regex) }}, 0)
            {%- endfor %}
        end as role_matched
    from evidence
),

scored as (
    select
        *,
        case when role_class = 'design' then 0
            {%- for tier in rules.tiers %} + case when fires_{{ tier.tier }} then {{ tier.weight }} else 0 end{% endfor %}
        else 0 end as role_score,
        false {%- for tier in rules.tiers if tier.overrides_text %} or fires_{{ tier.tier }}{% endfor %}
            as lifts_exclusions
    from roles
),

excluded as (
    select
        *,
        case when role_class = 'design' then role_score + company_score else 0 end as score,
        case
            {%- for exclusion in rules.exclusions %}
            when excluded_{{ exclusion.category }} and not lifts_exclusions then 'exclusions.{{ exclusion.category }}'
            {%- endfor %}
        end as exclusion_category
    from scored
),

decided as (
    select
        *,
        not company_blocked and has_solar_context and exclusion_category is null and role_class = 'design'
            and has_pv_signal as eligible,
        case
            when company_blocked then 'company_blocklist'
            when not has_solar_context then 'no_solar_context'
            when exclusion_category is not null then exclusion_category
            when role_class <> 'design' then 'role.' || role_class
            when not has_pv_signal then 'no_pv_design_signal'
            when score < ({{ threshold }}) then 'below_threshold'
        end as rejection_category
    from excluded
),

final as (
    select
        * exclude (title_text, affirmed_text, company_text, role_title, role_title_source, lifts_exclusions,
                   role_matched, does_utility_work, shows_design_work, has_pv_signal
                   {%- for role in rules.roles %}, is_role_{{ role.role_class }}{% endfor %}
                   {%- for exclusion in rules.exclusions %}, excluded_{{ exclusion.category }}{% endfor %}),
        rejection_category is null as qualified,
        case when rejection_category is null then least(score, 100) end as confidence_score,
        case
            when role_class = 'design' then case
                {%- for tier in rules.tiers %}
                when fires_{{ tier.tier }} then '{{ tier.tier }}'
                {%- endfor %}
            end
        end as top_tier,
        -- a posting without solar context has no role and no reasons: the list is built only for those with one
        case when role_class is null then [] else list_filter([
            {
                'signal': 'role: ' || role_class || ' (from the ' || role_source || ')', 'tier': 'role', 'weight': 0,
                'matched': coalesce(role_matched, '')
            },
            {%- for tier in rules.tiers %}
            case when role_class = 'design' and fires_{{ tier.tier }} then {
                'signal': {{ sql_string(tier.description) }}, 'tier': '{{ tier.tier }}', 'weight': {{ tier.weight }},
                'matched': regexp_extract({{ scope_column[tier.scope] }}, {{ sql_string(tier.regex) }}, 0)
            } end,
            {%- endfor %}
            case when role_class = 'design' and solar_company then {
                'signal': 'solar company name', 'tier': 'company', 'weight': 10,
                'matched': lower(regexp_extract(company_text, {{ sql_string(lexicon.get('solar_company', '$^')) }}, 0, 'i'))
            } end
        ], lambda r: r is not null) end as reasons
    from decided
)

select * from final
{%- endmacro %}
