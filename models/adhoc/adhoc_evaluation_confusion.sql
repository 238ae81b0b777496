-- Precision, recall, F1 and the confusion counts of the scoring rules on the labeled items: overall
-- (grouping 'all'), per origin (real / synthetic items) and per category.
with scores as (
    select * from {{ ref('adhoc_labeled_scores') }}
),

final as (
    select
        case
            when grouping(origin) = 0 then 'origin'
            when grouping(category_name) = 0 then 'category'
            else 'all'
        end as grouping,
        coalesce(origin, category_name, 'all') as key,
        {{ confusion_metrics('qualified', 'label') }}
    from (
        select *, coalesce(category, '(none)') as category_name, case when synthetic then 'synthetic' else 'real' end as origin
        from scores
    )
    group by grouping sets ((), (origin), (category_name))
)

select * from final
