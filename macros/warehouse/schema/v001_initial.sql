{#- Warehouse schema version 1: the loader tables of the crawl, the search and the LLM extractor (the crawl,
    search and llm sources: everything arrives as text and is typed in staging) and the bookkeeping of runs and
    builds. Plain SQL (solar_leads/warehouse/schema.py runs it as well as dbt). -#}
{% macro warehouse_schema_v001() %}
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
create table if not exists raw.llm_candidates (
    run_id varchar not null, company_key varchar not null, company varchar, field varchar not null,
    value varchar, model_conf double, evidence_quote varchar, verdict varchar, extracted_at timestamp
);
create schema if not exists meta;
-- which runs happened and how they ended
create table if not exists meta.runs (
    run_id varchar primary key, command varchar not null, sources varchar, is_demo boolean not null,
    started_at timestamp not null, finished_at timestamp, status varchar not null
);
-- each build, what raw data it saw, and whether it finished
create table if not exists meta.builds (
    build_id integer primary key, selection varchar, complete boolean not null, raw_signature varchar not null,
    started_at timestamp not null, finished_at timestamp
);
{% endmacro %}
