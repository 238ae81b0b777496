-- Labeled items (the golden set and imported reviews) that `leads evaluate` / `leads tune` load for one call.
with source as (
    select * from {{ source('labels', 'items') }}
),

final as (
    select
        trim(item_id) as item_id,
        nullif(trim(title), '') as title,
        nullif(trim(company), '') as company,
        coalesce(description, '') as description,
        label,
        nullif(trim(category), '') as category,
        coalesce(synthetic, false) as synthetic,
        source_file
    from source
)

select * from final
