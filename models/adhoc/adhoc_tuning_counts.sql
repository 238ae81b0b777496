-- The confusion counts of every candidate weighting (requests.tuning_candidates) at every threshold from 0 to 150
-- in steps of 5, per cross-validation fold: `leads tune` adds up the folds it trains on and the fold it tests on.
with items as (
    select * from {{ ref('adhoc_tuning_items') }}
),

candidates as (
    select * from {{ ref('stg_requests__tuning_candidates') }}
),

item_tiers as (
    select
        item_id,
        unnest(fired_tiers) as tier
    from items
),

tier_scores as (
    select
        candidates.candidate_id,
        item_tiers.item_id,
        sum(candidates.weight) as tier_score
    from item_tiers
    inner join candidates using (tier)
    group by all
),

scored as (
    select
        candidate_ids.candidate_id,
        items.item_id,
        items.label,
        items.eligible,
        items.fold,
        coalesce(tier_scores.tier_score, 0) + items.company_score as score
    from (select distinct candidate_id from candidates) as candidate_ids
    cross join items
    left join tier_scores
        on candidate_ids.candidate_id = tier_scores.candidate_id and items.item_id = tier_scores.item_id
),

thresholds as (
    select range as threshold from range(0, 155, 5)
),

final as (
    select
        scored.candidate_id,
        thresholds.threshold,
        scored.fold,
        count(*) filter (where scored.eligible and scored.score >= thresholds.threshold and scored.label) as tp,
        count(*) filter (where scored.eligible and scored.score >= thresholds.threshold and not scored.label) as fp,
        count(*) filter (where not (scored.eligible and scored.score >= thresholds.threshold) and scored.label)
            as fn,
        count(*) filter (where not (scored.eligible and scored.score >= thresholds.threshold) and not scored.label)
            as tn
    from scored
    cross join thresholds
    group by all
)

select * from final
