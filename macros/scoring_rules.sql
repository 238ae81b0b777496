{#-
  The scoring rules, read from the seeds when dbt compiles a model and turned into constant regex patterns
  (one per lexicon, tier and exclusion scope): built once per run, so DuckDB compiles each pattern once
  instead of once per row. At parse time (no database yet) it returns empty rules; the refs still register
  the seeds as dependencies.
-#}
{% macro scoring_rules() %}
{%- set seeds = {'lexicon': 'scoring_lexicon', 'tiers': 'scoring_tiers', 'terms': 'scoring_signal_terms',
                 'exclusions': 'scoring_exclusions', 'blocklist': 'scoring_company_blocklist'} -%}
{%- for seed in seeds.values() -%}{%- do ref(seed) -%}{%- endfor -%}  {#- registers the dependencies -#}
{%- set rules = {'lexicon': {}, 'tiers': [], 'exclusions': [], 'blocklist': '$^'} -%}
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
               overrides_text_exclusions, overrides_title_exclusions, description
        from {{ relations.tiers }} order by weight desc, tier
    {%- endset -%}
    {%- for row in run_query(tier_sql) -%}
        {%- do rules.tiers.append({
            'tier': row[0], 'weight': row[1], 'scope': row[2],
            'regex': terms_regex(tier_terms.get(row[0], [])),
            'requires_regex': rules.lexicon.get(row[3]) if row[3] else none, 'requires_scope': row[4],
            'overrides_text': row[5], 'overrides_title': row[6], 'description': row[7]}) -%}
    {%- endfor -%}
    {#- exclusion categories keep the seed's order: the first that matches names the rejection -#}
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
    {%- set blocked = [] -%}
    {%- for row in run_query("select company from " ~ relations.blocklist ~ " order by company") -%}
        {%- do blocked.append(row[0]) -%}
    {%- endfor -%}
    {%- do rules.update({'blocklist': terms_regex(blocked)}) -%}
{%- endif -%}
{{ return(rules) }}
{% endmacro %}
