-- How many authoritative entries each category contributes, by match kind.
select category, match_kind, count(*) as entries
from {{ ref('authoritative_domains') }}
group by all
order by entries desc
