"""The DuckDB warehouse file: connections and the raw (loader) schema that dbt reads from."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from solar_leads.config import PROJECT_DIR
from solar_leads.errors import UserError
from solar_leads.warehouse.lock import in_use_message

# The loader tables' DDL lives in the dbt project (dbt creates them too, on-run-start): one definition for both.
RAW_TABLES_MACRO = PROJECT_DIR / "macros" / "warehouse" / "create_raw_tables.sql"
RAW_TABLES = ("boards", "crawl_log", "discovery_log", "llm_candidates", "postings", "snippets")


def raw_tables_ddl() -> list[str]:
    """The statements of the create_raw_tables macro (plain SQL between its macro tags)."""
    text = RAW_TABLES_MACRO.read_text(encoding="utf-8")
    body = re.search(r"\{%\s*macro create_raw_tables\(\)\s*%\}(.*?)\{%\s*endmacro\s*%\}", text, re.S)
    if body is None:
        raise UserError(f"{RAW_TABLES_MACRO} lost its create_raw_tables macro")
    return [statement.strip() for statement in body.group(1).split(";") if statement.strip()]


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
            raise UserError(
                f"warehouse {path} is an empty file, not a DuckDB database: remove it or pass another --warehouse"
            ) from None
        raise UserError(f"cannot open warehouse {path}: {message.splitlines()[0]}") from None
    except OSError as exc:
        raise UserError(f"cannot open warehouse {path}: {exc.strerror or exc}") from None


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw and meta schemas and their tables when missing (never touching their rows)."""
    for statement in raw_tables_ddl():
        con.execute(statement)
    con.execute("create schema if not exists meta")
    for name, columns in META_TABLES.items():
        con.execute(f"create table if not exists meta.{name} ({columns})")
    # added with the incremental models: the project version each build was made by (warehouses from before lack it)
    con.execute("alter table meta.builds add column if not exists project_signature varchar")
    # added with skipping the seeds and unit tests a build of the same project already ran
    con.execute("alter table meta.builds add column if not exists checks_signature varchar")


def init_warehouse(path: Path) -> None:
    with connect(path) as con:
        ensure_raw_schema(con)
