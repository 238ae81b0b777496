-- Precision, recall, F1 and the confusion counts of the scoring rules on the labeled items: overall
-- (grouping 'all'), per origin (real / synthetic items) and per category.
with scores as (
    select * from {{ ref('adhoc_labeled_scores') }}
),

labeled as (
    select
        *,
        coalesce(category, '(none)') as category_name,
        case when synthetic then 'synthetic' else 'real' end as origin
    from scores
),

final as (
    select
        'all' as grouping,
        'all' as key,
        {{ confusion_metrics('qualified', 'label') }}
    from labeled
    union all
    select
        'origin' as grouping,
        origin as key,
        {{ confusion_metrics('qualified', 'label') }}
    from labeled
    group by origin
    union all
    select
        'category' as grouping,
        category_name as key,
        {{ confusion_metrics('qualified', 'label') }}
    from labeled
    group by category_name
)

select * from final
