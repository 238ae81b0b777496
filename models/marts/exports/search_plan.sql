-- The enrichment searches: up to MAX_QUERIES (var max_queries) queries per lead company and field, from the
-- enrichment_queries templates. The search stage hands these rows to the SearxNG spider.
with leads as (
    select company from {{ ref('leads') }}
),

queries as (
    select * from {{ ref('enrichment_queries') }}
),

final as (
    select
        leads.company,
        queries.field,
        replace(queries.template, '{company}', leads.company) as query,
        row_number() over (order by leads.company, queries.field, queries.query_order) as export_order
    from leads
    inner join queries on queries.query_order <= {{ var('max_queries') }}
)

select * from final
