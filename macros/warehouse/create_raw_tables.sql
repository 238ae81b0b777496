{#-
  The loader tables the crawl, the search and the LLM extractor append to (the crawl, search and llm sources),
  created when missing and never touched otherwise. Everything arrives as text and is typed in staging, where a bad
  value is reported per row. dbt runs this before every invocation (on-run-start), so a plain `dbt build` works on
  a fresh warehouse; `leads` runs the same statements before a crawl (solar_leads/warehouse/connection.py reads
  them from this file: keep it plain SQL).
-#}
{% macro create_raw_tables() %}
create schema if not exists raw;
create table if not exists raw.postings (
    run_id varchar not null, source varchar not null, source_key varchar not null,
    external_id varchar not null, url varchar not null, scraped_at timestamp not null,
    title varchar, company varchar not null, location varchar, description varchar not null,
    posted_at varchar, payload json
);
create table if not exists raw.snippets (
    run_id varchar not null, company varchar, field varchar, query varchar not null, rank integer not null,
    url varchar not null, host varchar, title varchar, content varchar, scraped_at timestamp not null
);
create table if not exists raw.crawl_log (
    run_id varchar not null, logged_at timestamp not null, kind varchar not null, source varchar,
    url varchar, status integer, error varchar, retries integer, reason varchar
);
-- added with discovery: the board a failure belongs to (greenhouse:acme), and the job-search term, search query
-- or probed company
alter table raw.crawl_log add column if not exists source_key varchar;
alter table raw.crawl_log add column if not exists term varchar;
create table if not exists raw.llm_candidates (
    run_id varchar not null, company_key varchar not null, company varchar, field varchar not null,
    value varchar, model_conf double, evidence_quote varchar, verdict varchar, extracted_at timestamp
);
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
