"""The build log (meta.builds): each `dbt build` of the warehouse, what raw data it saw, and whether it finished.

Exports read the marts only when the latest build finished, covered the whole graph, and saw the raw tables as
they are now; anything else (a build killed halfway, a `--select` build, a crawl loaded since) is refused with a
message that says to build.
"""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from solar_leads.errors import UserError
from solar_leads.warehouse.connection import RAW_TABLES


def raw_signature(con: duckdb.DuckDBPyConnection) -> str:
    """The raw tables' row counts: they only grow, so any load since changes it."""
    counts = [f"(select count(*) from raw.{name})" for name in RAW_TABLES]
    row = con.execute(f"select {', '.join(counts)}").fetchall()[0]
    return " ".join(f"{name}={count}" for name, count in zip(RAW_TABLES, row, strict=True))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def build_started(con: duckdb.DuckDBPyConnection, selection: str | None, complete: bool) -> int:
    """Log a build about to start; `complete`: it (with the run's earlier stages) covers the whole graph."""
    build_id = con.execute("select coalesce(max(build_id), 0) + 1 from meta.builds").fetchall()[0][0]
    con.execute(
        "insert into meta.builds values (?, ?, ?, ?, ?, null)",
        [build_id, selection, complete, raw_signature(con), _now()],
    )
    return build_id


def build_finished(con: duckdb.DuckDBPyConnection, build_id: int) -> None:
    con.execute("update meta.builds set finished_at = ? where build_id = ?", [_now(), build_id])


def check_marts_current(con: duckdb.DuckDBPyConnection) -> None:
    """Raise UserError unless the marts come from a finished, whole build of the raw data as it is now."""
    has_log = con.execute(
        "select count(*) from information_schema.tables where table_schema = 'meta' and table_name = 'builds'"
    ).fetchall()[0][0]
    latest = (
        has_log
        and con.execute(
            "select selection, complete, raw_signature, started_at, finished_at from meta.builds "
            "order by build_id desc limit 1"
        ).fetchall()
    )
    todo = "run `leads build` (or `leads run`) before exporting"
    if not latest:
        raise UserError(f"the warehouse has no finished build: {todo}")
    selection, complete, signature, started, finished = latest[0]
    if finished is None:
        raise UserError(f"the last build (started {started:%Y-%m-%d %H:%M:%S} UTC) did not finish, so the marts "
                        f"may disagree with each other: {todo}")  # fmt: skip
    if not complete:
        raise UserError(f"the last build covered only part of the warehouse ({selection}): {todo}")
    if signature != raw_signature(con):
        raise UserError(f"data was loaded after the last build ({finished:%Y-%m-%d %H:%M:%S} UTC), so the marts are "
                        f"stale: {todo}")  # fmt: skip
