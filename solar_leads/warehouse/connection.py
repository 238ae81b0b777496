"""The DuckDB warehouse file: connections and the raw (loader) schema that dbt reads from."""

from __future__ import annotations

from pathlib import Path

import duckdb

from solar_leads.errors import UserError
from solar_leads.warehouse.lock import in_use_message

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
# The warehouse's own bookkeeping: which runs happened and how they ended, and each build with what it saw.
META_TABLES = {
    "runs": """
        run_id varchar primary key, command varchar not null, sources varchar, is_demo boolean not null,
        started_at timestamp not null, finished_at timestamp, status varchar not null""",
    "builds": """
        build_id integer primary key, selection varchar, complete boolean not null, raw_signature varchar not null,
        started_at timestamp not null, finished_at timestamp""",
}


def connect(path: Path, read_only: bool = False, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file; UserError (one line) when it is missing, in use, or not a warehouse."""
    if read_only and not path.exists():
        raise UserError(f"warehouse {path} does not exist yet: run `leads run` or `leads build` first")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path), read_only=read_only, config=config or {})
    except duckdb.Error as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise UserError(in_use_message(path)) from None
        if path.exists() and path.stat().st_size == 0:
            raise UserError(f"warehouse {path} is an empty file, not a DuckDB database: remove it or pass "
                            "another --warehouse") from None  # fmt: skip
        raise UserError(f"cannot open warehouse {path}: {message.splitlines()[0]}") from None
    except OSError as exc:
        raise UserError(f"cannot open warehouse {path}: {exc.strerror or exc}") from None


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw and meta schemas and their tables when missing (never touching their rows)."""
    for schema, tables in (("raw", RAW_TABLES), ("meta", META_TABLES)):
        con.execute(f"create schema if not exists {schema}")
        for name, columns in tables.items():
            con.execute(f"create table if not exists {schema}.{name} ({columns})")


def init_warehouse(path: Path) -> None:
    with connect(path) as con:
        ensure_raw_schema(con)
