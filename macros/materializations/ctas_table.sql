{#-
  `ctas_table`: a table made in one statement, `create or replace table ... as`, in the model's transaction. DuckDB
  replaces a table atomically, so dbt-duckdb's `table` (build a copy, look up indexes and foreign keys, rename the
  table away and the copy in, drop the old one) is six more statements and their Jinja for nothing here. ~0.1 s of
  dbt's time per table model, a dozen in every build. A view in the table's place is dropped first.
  It makes no indexes, constraints, grants or persisted docs: a model with an enforced contract is refused (use
  dbt's `table` for it). Set in dbt_project.yml for intermediate and marts.
-#}
{%- materialization ctas_table, adapter='duckdb' -%}
    {%- if config.get('contract').enforced -%}
        {{ exceptions.raise_compiler_error(
            "ctas_table does not enforce contracts or constraints: give " ~ this ~ " materialized='table'") }}
    {%- endif -%}
    {%- set existing = load_cached_relation(this) -%}
    {%- set target = this.incorporate(type='table') -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {%- if existing is not none and not existing.is_table -%}
        {{ adapter.drop_relation(existing) }}
    {%- endif -%}
    {%- call statement('main') -%}
        create or replace table {{ target }} as (
            {{ sql }}
        )
    {%- endcall -%}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target]}) }}
{%- endmaterialization -%}
