{#-
  The scoring rules, read from the seeds when dbt compiles a model and turned into constant regex patterns
  (one per lexicon, tier, exclusion category and role class): built once per run, so DuckDB compiles each pattern
  once instead of once per row. At parse time (no database yet) it returns empty rules; the refs still register
  the seeds as dependencies.
  Returns {lexicon: {name: regex}, tiers: [...], exclusions: [...], roles: [{role_class, regex, unless}],
  blocklist: {always: regex, industry: regex}}.
-#}
{% macro scoring_rules() %}
{%- set seeds = {'lexicon': 'scoring_lexicon', 'tiers': 'scoring_tiers', 'terms': 'scoring_signal_terms',
                 'exclusions': 'scoring_exclusions', 'blocklist': 'scoring_company_blocklist',
                 'roles': 'scoring_roles'} -%}
{%- for seed in seeds.values() -%}{%- do ref(seed) -%}{%- endfor -%}  {#- registers the dependencies -#}
{%- set rules = {'lexicon': {}, 'tiers': [], 'exclusions': [], 'roles': [],
                 'blocklist': {'always': '$^', 'industry': '$^'}} -%}
{%- if execute -%}
    {%- set relations = {} -%}
    {%- for key, seed in seeds.items() -%}
        {%- do relations.update({key: seed_relation(seed)}) -%}
    {%- endfor -%}
    {%- set lexicon = {} -%}
    {%- for row in run_query("select lexicon, term from " ~ relations.lexicon ~ " order by lexicon, term") -%}
        {%- do lexicon.setdefault(row[0], []).append(row[1]) -%}
    {%- endfor -%}
    {%- for name, terms in lexicon.items() -%}
        {%- do rules.lexicon.update({name: terms_regex(terms)}) -%}
    {%- endfor -%}
    {%- set tier_terms = {} -%}
    {%- for row in run_query("select tier, term from " ~ relations.terms ~ " order by tier, term") -%}
        {%- do tier_terms.setdefault(row[0], []).append(row[1]) -%}
    {%- endfor -%}
    {%- set tier_sql -%}
        select tier, weight, scope, coalesce(requires_lexicon, ''), coalesce(requires_scope, ''),
               overrides_text_exclusions, coalesce(design_evidence, ''), pv_specific, description
        from {{ relations.tiers }} order by weight desc, tier
    {%- endset -%}
    {%- for row in run_query(tier_sql) -%}
        {%- do rules.tiers.append({
            'tier': row[0], 'weight': row[1], 'scope': row[2],
            'regex': terms_regex(tier_terms.get(row[0], [])),
            'requires_regex': rules.lexicon.get(row[3]) if row[3] else none, 'requires_scope': row[4],
            'overrides_text': row[5], 'design_evidence': row[6], 'pv_specific': row[7],
            'description': row[8]}) -%}
    {%- endfor -%}
    {#- exclusion categories keep the order of scoring_exclusions: the first that matches names the rejection -#}
    {%- set exclusion_terms = {} -%}
    {%- set exclusion_keys = [] -%}
    {%- for row in run_query("select category, scope, term from " ~ relations.exclusions ~ " order by rowid") -%}
        {%- if (row[0], row[1]) not in exclusion_keys -%}{%- do exclusion_keys.append((row[0], row[1])) -%}{%- endif -%}
        {%- do exclusion_terms.setdefault(row[0] ~ '|' ~ row[1], []).append(row[2]) -%}
    {%- endfor -%}
    {%- for category, scope in exclusion_keys -%}
        {%- do rules.exclusions.append({'category': category, 'scope': scope,
                                        'regex': terms_regex(exclusion_terms[category ~ '|' ~ scope])}) -%}
    {%- endfor -%}
    {#- role classes in precedence order: the first class whose terms match the role title (and whose unless
        terms do not) is the role -#}
    {%- set role_terms = {} -%}
    {%- set role_order = [] -%}
    {%- for row in run_query("select role_class, kind, term from " ~ relations.roles ~ " order by precedence, rowid") -%}
        {%- if row[0] not in role_order -%}{%- do role_order.append(row[0]) -%}{%- endif -%}
        {%- do role_terms.setdefault(row[0] ~ '|' ~ row[1], []).append(row[2]) -%}
    {%- endfor -%}
    {%- for role_class in role_order -%}
        {%- set unless = role_terms.get(role_class ~ '|unless', []) -%}
        {%- do rules.roles.append({'role_class': role_class,
                                   'regex': terms_regex(role_terms.get(role_class ~ '|term', [])),
                                   'unless': terms_regex(unless) if unless else none}) -%}
    {%- endfor -%}
    {%- set blocked = {'always': [], 'industry': []} -%}
    {%- for row in run_query("select scope, company from " ~ relations.blocklist ~ " order by company") -%}
        {%- do blocked[row[0]].append(row[1]) -%}
    {%- endfor -%}
    {%- do rules.update({'blocklist': {'always': terms_regex(blocked.always), 'industry': terms_regex(blocked.industry)}}) -%}
{%- endif -%}
{{ return(rules) }}
{% endmacro %}
