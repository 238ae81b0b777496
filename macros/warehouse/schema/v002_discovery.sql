{#- Warehouse schema version 2, discovery: the board a failure belongs to (greenhouse:acme) and the job-search
    term, search query or probed company; the job-board registry; the discovery log. Plain SQL. -#}
{% macro warehouse_schema_v002() %}
alter table raw.crawl_log add column if not exists source_key varchar;
alter table raw.crawl_log add column if not exists term varchar;
-- The job-board registry: every board discovery found, crawled in every run until it is retired (kept, never
-- deleted) after three runs in a row without an answer. The one raw table rows are updated in: it is state.
create table if not exists raw.boards (
    ats varchar not null, token varchar not null, company varchar, found_by varchar not null,
    found_detail varchar, first_seen timestamp not null, first_run_id varchar not null, last_crawled timestamp,
    last_run_id varchar, last_status varchar, jobs_last_seen integer, misses_in_a_row integer not null default 0,
    retired_at timestamp, primary key (ats, token)
);
-- One row per keyword search (site and term), site: search query and slug probe of a discovery run.
create table if not exists raw.discovery_log (
    run_id varchar not null, logged_at timestamp not null, step varchar not null, site varchar,
    term varchar, attempts integer not null, outcome varchar not null, jobs_found integer, boards_found integer,
    error varchar
);
{% endmacro %}
