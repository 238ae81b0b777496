-- The companies first qualified in the latest run (solar_leads_<run_id>_new.csv): the leads CSV's rows where is_new.
with leads_csv as (
    select * from {{ ref('export_leads') }}
),

final as (
    select * from leads_csv
    where is_new
)

select * from final
