-- Labeled items (the golden set and imported reviews) loaded into raw.labeled_items by `leads build`.
with source as (
    select * from {{ source('raw', 'labeled_items') }}
),

final as (
    select
        trim(item_id) as item_id,
        nullif(trim(title), '') as title,
        nullif(trim(company), '') as company,
        coalesce(description, '') as description,
        label,
        nullif(trim(category), '') as category,
        source_file
    from source
)

select * from final
