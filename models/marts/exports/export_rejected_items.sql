-- The items of the rejected-leads labeling JSON (the schema of docs/lead-scoring.md: id, description, label=false,
-- company, title, notes) and the same items as Label Studio tasks (for label_studio/config.xml) with the rules'
-- prediction, near-misses first. A task's data carries the item id as posting_id (Label Studio keeps `id` for its own),
-- the rejection category, the score and the signals that fired. The prediction's score is the rules' confidence in
-- their own "not a lead" label: 1.0 far below the threshold, falling to 0.5 at it and above (a near-miss, or a posting
-- with strong signals that a gate rejected, is an uncertain rejection).
with rejected as (
    select * from {{ ref('rejected_leads') }}
),

final as (
    select
        review_rank as export_order,
        json_object(
            'id', id, 'description', description, 'label', false, 'company', company, 'title', title,
            'notes', notes
        )::varchar as item,
        json_object(
            'data', json_object(
                'posting_id', id, 'title', coalesce(title, '(untitled)'), 'company', coalesce(company, ''),
                'text', description, 'rejection_category', rejection_category, 'score', score,
                'signals', coalesce(nullif(array_to_string(signals, '; '), ''), 'none')
            ),
            'predictions', [json_object(
                'model_version', 'solar-leads-rules',
                'score', round(
                    1.0 - 0.5 * least(greatest(score, 0), {{ var('lead_threshold') }})
                    / greatest({{ var('lead_threshold') }}, 1), 3
                ),
                'result', [json_object(
                    'from_name', 'label', 'to_name', 'text', 'type', 'choices',
                    'value', json_object('choices', ['not a lead'])
                )]
            )]
        )::varchar as task
    from rejected
)

select * from final
