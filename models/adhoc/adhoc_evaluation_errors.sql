-- The labeled items the rules get wrong - false negatives and false positives - with what decided: the score, the
-- role, the outcome and every signal that fired, highest score first.
with scores as (
    select * from {{ ref('adhoc_labeled_scores') }}
),

final as (
    select
        outcome,
        item_id as id,
        title_used as title,
        company,
        score,
        role_class,
        coalesce(rejection_category, 'qualified') as decided_by,
        list_transform(reasons, lambda r: r.tier || ':' || r.matched || '(+' || r.weight || ')') as reasons
    from scores
    where outcome in ('fn', 'fp')
)

select * from final
