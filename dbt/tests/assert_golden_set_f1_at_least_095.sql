-- Fails the build when the scoring rules reach an F1 below 0.95 on the golden set.
with golden as (
    select * from {{ ref('labeled_item_scores') }}
    where source_file like '%golden%'
),

counts as (
    select
        count(*) filter (where qualified and label) as tp,
        count(*) filter (where qualified and not label) as fp,
        count(*) filter (where not qualified and label) as fn
    from golden
),

f1 as (
    select tp, fp, fn, 2.0 * tp / nullif(2 * tp + fp + fn, 0) as f1 from counts
)

select * from f1 where coalesce(f1, 0) < 0.95
