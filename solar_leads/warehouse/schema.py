"""The warehouse's own tables (the loaders' raw.* and the bookkeeping meta.*): their versions and the upgrade.

Their DDL lives in one place, the dbt project's macros/warehouse/schema/vNNN_*.sql, one file per version, each a
single macro of plain SQL: dbt runs them before every invocation (macros/warehouse/migrate_warehouse.sql), and
`leads` runs the same statements here before it writes. Each statement leaves what exists untouched, so applying
every version after the warehouse's own upgrades it; meta.schema_version records the version reached. A warehouse
of a later version (made by a newer solar-leads) is refused rather than written with older code.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import duckdb

from solar_leads.config import PROJECT_DIR
from solar_leads.errors import UserError

SCHEMA_DIR = PROJECT_DIR / "macros" / "warehouse" / "schema"
RAW_TABLES = ("boards", "crawl_log", "discovery_log", "llm_candidates", "postings", "snippets")
_MACRO = re.compile(r"\{%\s*macro (warehouse_schema_v(\d{3}))\(\)\s*%\}(.*?)\{%\s*endmacro\s*%\}", re.S)


def versions() -> list[tuple[int, list[str]]]:
    """Each schema version in order, with its statements."""
    found = []
    for path in sorted(SCHEMA_DIR.glob("v*.sql")):
        match = _MACRO.search(path.read_text(encoding="utf-8"))
        if match is None:
            raise UserError(f"{path} holds no warehouse_schema_vNNN() macro")
        statements = [s.strip() for s in re.sub(r"--[^\n]*", "", match.group(3)).split(";") if s.strip()]
        found.append((int(match.group(2)), statements))
    return found


SCHEMA_VERSION = len(versions())


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version a warehouse's tables are at: 0 for a new file; 1 for one made before versions were recorded."""
    tables = {
        (schema, name)
        for schema, name in con.execute("select table_schema, table_name from information_schema.tables").fetchall()
    }
    if ("meta", "schema_version") in tables:
        return con.execute("select coalesce(max(version), 0) from meta.schema_version").fetchall()[0][0]
    return 1 if ("raw", "postings") in tables else 0


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the warehouse's own tables to SCHEMA_VERSION (never touching their rows), in one transaction."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise UserError(
            f"the warehouse is at schema version {current}, made by a newer solar-leads than this one "
            f"(version {SCHEMA_VERSION}): upgrade solar-leads, or pass another --warehouse"
        )
    if current == SCHEMA_VERSION:
        return
    con.execute("begin transaction")
    try:
        for _, statements in versions():  # all of them: each leaves what exists as it is
            for statement in statements:
                con.execute(statement)
        con.execute(
            "create table if not exists meta.schema_version (version integer not null, migrated_at timestamp not null)"
        )
        con.execute(
            "insert into meta.schema_version values (?, ?)", [SCHEMA_VERSION, datetime.now(UTC).replace(tzinfo=None)]
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
