-- Typed, validated candidates given to `leads decide`. Values that fail validation are named in
-- invalid_columns and nulled, so the decision marks that row invalid and decides the others.
with source as (
    select * from {{ source('requests', 'decision_candidates') }}
),

numbers as (
    select
        *,
        -- a cast from text ignores surrounding whitespace
        try_cast(model_conf as double) as model_conf_value,
        try_cast(recall_hits as double) as recall_hits_number,
        try_cast(recall_used as double) as recall_used_number
    from source
),

typed as (
    select
        request_row,
        trim(candidate_id) as candidate_id,
        trim(field) as field,
        candidate,
        trim(source_hint) as source_hint,
        verdict,
        target_regex,
        model_conf_value,
        {{ whole_number('recall_hits_number') }} as recall_hits_value,
        {{ whole_number('recall_used_number') }} as recall_used_value
    from numbers
),

checked as (
    select
        *,
        list_filter([
            case when model_conf_value is null or not model_conf_value between 0 and 1 then 'model_conf' end,
            case when recall_hits_value is null or recall_hits_value < 0 then 'recall_hits' end,
            case when recall_used_value is null or recall_used_value < 0
                    or (recall_hits_value >= 0 and recall_used_value > recall_hits_value) then 'recall_used'
            end
        ], lambda c: c is not null) as invalid_columns
    from typed
),

final as (
    select
        request_row,
        candidate_id,
        field,
        candidate,
        case when list_contains(invalid_columns, 'model_conf') then null else model_conf_value end as model_conf,
        source_hint,
        case when list_contains(invalid_columns, 'recall_hits') then null else recall_hits_value end as recall_hits,
        case when list_contains(invalid_columns, 'recall_used') then null else recall_used_value end as recall_used,
        verdict,
        target_regex,
        invalid_columns
    from checked
)

select * from final
