{#- Warehouse schema version 3, incremental builds: the project fingerprint each build was made by (a build of
    another project rebuilds the kept rows) and the one its seeds and unit tests ran under (a build of the same
    project and settings skips them). Plain SQL. -#}
{% macro warehouse_schema_v003() %}
alter table meta.builds add column if not exists project_signature varchar;
alter table meta.builds add column if not exists checks_signature varchar;
{% endmacro %}
