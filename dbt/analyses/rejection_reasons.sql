-- Which acceptance rules reject candidates most often (one row per reason code).
select reason_code, count(*) as candidates
from (
    select unnest(string_split(reason, ',')) as reason_code
    from {{ ref('enrichment_decisions') }}
    where not accepted
)
group by all
order by candidates desc
