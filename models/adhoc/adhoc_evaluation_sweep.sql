-- The threshold sweep: precision, recall and F1 of the labeled items at every threshold from 0 to 150 in steps
-- of 5 (an eligible item qualifies at a threshold when its score reaches it).
with scores as (
    select * from {{ ref('adhoc_labeled_scores') }}
),

thresholds as (
    select range as threshold from range(0, 155, 5)
),

final as (
    select
        thresholds.threshold,
        {{ confusion_metrics('(scores.eligible and scores.score >= thresholds.threshold)', 'scores.label') }}
    from thresholds
    cross join scores
    group by thresholds.threshold
)

select * from final
