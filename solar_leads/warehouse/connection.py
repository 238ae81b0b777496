"""The DuckDB warehouse file: connections and the raw (loader) schema that dbt reads from."""

from __future__ import annotations

from pathlib import Path

import duckdb

from solar_leads.errors import UserError

# Loader tables. Everything arrives as text and is typed in dbt staging, where bad values are reported per row.
RAW_TABLES = {
    "postings": """
        run_id varchar not null, source varchar not null, source_key varchar not null,
        external_id varchar not null, url varchar not null, scraped_at timestamp not null,
        title varchar, company varchar not null, location varchar, description varchar not null,
        posted_at varchar, payload json""",
    "snippets": """
        run_id varchar not null, company varchar, field varchar, query varchar not null, rank integer not null,
        url varchar not null, host varchar, title varchar, content varchar, scraped_at timestamp not null""",
    "crawl_log": """
        run_id varchar not null, logged_at timestamp not null, kind varchar not null, source varchar,
        url varchar, status integer, error varchar, retries integer, reason varchar""",
    "llm_candidates": """
        run_id varchar not null, company_key varchar not null, company varchar, field varchar not null,
        value varchar, model_conf double, evidence_quote varchar, verdict varchar, extracted_at timestamp""",
}


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    if read_only and not path.exists():
        raise UserError(f"warehouse {path} does not exist yet: run `leads run` or `leads build` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise UserError(f"cannot open warehouse {path}: {exc}") from None


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw schema and its loader tables when missing (never touching their rows)."""
    con.execute("create schema if not exists raw")
    for name, columns in RAW_TABLES.items():
        con.execute(f"create table if not exists raw.{name} ({columns})")


def init_warehouse(path: Path) -> None:
    with connect(path) as con:
        ensure_raw_schema(con)
