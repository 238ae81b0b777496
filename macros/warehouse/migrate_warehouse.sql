{#-
  Every table the loaders and the bookkeeping write, as numbered versions (macros/warehouse/schema/vNNN_*.sql, the
  one place their DDL lives). Each version's statements leave what exists untouched (`if not exists`), so running
  them all upgrades a warehouse of any earlier version. dbt runs this before every invocation (on-run-start), so a
  plain `dbt build` works on a fresh warehouse; `leads` runs the same files (solar_leads/warehouse/schema.py), and
  refuses a warehouse of a later version. A new version is a new file here and a line below.
-#}
{% macro migrate_warehouse() %}
{{ warehouse_schema_v001() }}
{{ warehouse_schema_v002() }}
{{ warehouse_schema_v003() }}
create table if not exists meta.schema_version (version integer not null, migrated_at timestamp not null);
insert into meta.schema_version select 3, current_timestamp::timestamp
where (select coalesce(max(version), 0) from meta.schema_version) < 3;
{% endmacro %}
