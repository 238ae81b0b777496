-- What tuning needs of each labeled item: its label, whether the rules let it qualify at all (eligible does not
-- depend on the weights or the threshold), the company bonus, the tiers that fired, and its cross-validation fold
-- (stratified: each label's items are dealt round the folds in a fixed pseudo-random order).
{%- set rules = scoring_rules() %}
with scores as (
    select * from {{ ref('adhoc_labeled_scores') }}
),

parameters as (
    select * from {{ ref('stg_requests__parameters') }}
),

final as (
    select
        scores.item_id,
        scores.label,
        scores.eligible,
        case when scores.role_class = 'design' then scores.company_score else 0 end as company_score,
        list_filter([
            {%- for tier in rules.tiers %}
                case when scores.fires_{{ tier.tier }} then '{{ tier.tier }}' end{% if not loop.last %},{% endif %}
            {%- endfor %}
        ], lambda t: t is not null) as fired_tiers,
        (row_number() over (partition by scores.label order by hash(scores.item_id), scores.item_id) - 1)
        % parameters.folds as fold
    from scores
    cross join parameters
)

select * from final
