-- One row per keyword search (site and term), site: query and company probe of each discovery run.
with source as (
    select * from {{ source('discovery', 'log') }}
),

final as (
    select
        run_id,
        logged_at,
        step,
        site,
        term,
        attempts,
        outcome,
        outcome = 'ok' as succeeded,
        outcome = 'blocked' as blocked,
        jobs_found,
        boards_found,
        error
    from source
)

select * from final
