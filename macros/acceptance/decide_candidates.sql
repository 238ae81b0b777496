{#-
  The acceptance decision of docs/enrichment-evidence.md over a relation of typed candidates, as a CTE chain.
  Input columns: candidate_id, field, candidate, model_conf (double), source_hint, recall_hits, recall_used
  (integers), verdict, target_regex, invalid_columns (list of column names that failed validation, may be empty).
  Adds: source_host, is_authoritative, base, recall_factor, computed_conf, min_confidence, passes_verdict,
  passes_confidence, passes_regex, allow_zero_recall, accepted, reason. A row with invalid input is rejected
  with reason invalid_input(<column>) and no computed values.
  Domain authority is decided once per distinct source_hint (evidence repeats its sources) and the regex once per
  distinct (value, regex) pair by flexible_regex_checks, which compiles each regex once where it can. With
  regex_checked=true the relation brings its own passes_regex (enrichment checks each field's format with
  constant patterns). min_confidence is a number or an SQL expression (the ad-hoc path reads it per call).
-#}
{% macro decide_candidates(candidates, regex_checked=false, min_confidence=var('min_confidence')) -%}
with host_authority as (
    select source_hint, source_host, {{ is_authoritative_domain('source_host') }} as is_authoritative
    from (
        select source_hint, {{ normalize_host('source_hint') }} as source_host
        from (select distinct source_hint from {{ candidates }})
    )
),

{%- if not regex_checked %}
regex_checks as (
    {{ flexible_regex_checks('(select distinct candidate, target_regex from ' ~ candidates ~ ')') }}
),
{%- endif %}

terms as (
    select
        candidates.*,
        host_authority.source_host,
        host_authority.is_authoritative,
        {%- if not regex_checked %}
        regex_checks.passes_regex,
        {%- endif %}
        {{ authority_base('host_authority.is_authoritative') }} as base,
        {{ recall_factor('candidates.recall_used', 'candidates.recall_hits') }} as recall_factor
    from {{ candidates }} as candidates
    left join host_authority on candidates.source_hint is not distinct from host_authority.source_hint
    {%- if not regex_checked %}
    left join regex_checks
        on candidates.candidate is not distinct from regex_checks.candidate
        and candidates.target_regex is not distinct from regex_checks.target_regex
    {%- endif %}
),

confidence as (
    select
        *,
        {{ compute_confidence('model_conf', 'base', 'recall_factor') }} as computed_conf,
        ({{ min_confidence }})::double as min_confidence
    from terms
),

flags as (
    select
        *,
        upper(trim(coalesce(verdict, ''))) = 'YES' as passes_verdict,
        computed_conf >= round(min_confidence, 10) as passes_confidence,
        {{ allow_zero_recall('computed_conf', 'is_authoritative', 'model_conf') }} as allow_zero_recall
    from confidence
),

decided as (
    select
        *,
        passes_verdict and passes_confidence and passes_regex
            and (recall_used > 0 or allow_zero_recall) as rules_hold,
        {{ acceptance_reason('passes_verdict', 'passes_confidence', 'passes_regex', 'recall_used',
                             'allow_zero_recall', 'computed_conf', 'min_confidence') }} as rule_reason
    from flags
),

decisions as (
    select
        * exclude (rules_hold, rule_reason, invalid_columns),
        len(invalid_columns) = 0 and rules_hold as accepted,
        case
            when len(invalid_columns) > 0 then
                array_to_string(list_transform(invalid_columns, lambda c: 'invalid_input(' || c || ')'), ',')
            else rule_reason
        end as reason
    from decided
)

select * from decisions
{%- endmacro %}
