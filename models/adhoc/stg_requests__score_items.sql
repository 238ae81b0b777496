-- Items given to `leads score` / `leads evaluate`, cleaned; an item without an id gets its row number.
with source as (
    select * from {{ source('requests', 'score_items') }}
),

final as (
    select
        request_row,
        coalesce(nullif(trim(id), ''), 'row_' || request_row) as item_id,
        nullif(trim(title), '') as title,
        nullif(trim(company), '') as company,
        coalesce(description, '') as description,
        label,
        nullif(trim(category), '') as category
    from source
)

select * from final
