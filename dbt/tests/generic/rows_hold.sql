{#- Fails with one row per check some row of the model breaks: the check's name and how many rows break it. `checks`
    maps a name to a condition every row must meet (null counts as broken), e.g. `company_not_null: company is not
    null`. All of a model's checks are one node of the build, where a test per check costs ~50 ms of dbt's time each.
    Each check is its own filtered count: DuckDB answers a not-null check from the column's statistics, without
    reading it, and reads only the columns a check names.
    written (for a model kept between builds whose checks read much): check only the rows this build wrote (macro
    written_rows). Kept rows were checked by the build that wrote them, and builds only delete them; a full build
    writes every row. -#}
{% test rows_hold(model, checks, written=none) %}
{%- for name, condition in checks.items() %}
select
    '{{ name }}' as failed_check,
    count(*) as failing_rows
from {{ model }}
where
    not coalesce(({{ condition }}), false)
    {%- if written %}
    and {{ written_rows(written) }}
    {%- endif %}
having count(*) > 0
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}
{% endtest %}
