"""The build log (meta.builds): each `dbt build` of the warehouse, what raw data it saw, and whether it finished.

Exports read the marts only when the latest build finished, covered the whole graph, and saw the raw tables as
they are now; anything else (a build killed halfway, a `--select` build, a crawl loaded since) is refused with a
message that says to build.
"""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from solar_leads.config import PROJECT_DIR
from solar_leads.errors import UserError
from solar_leads.warehouse.fingerprint import project_signature
from solar_leads.warehouse.schema import RAW_TABLES, SCHEMA_VERSION, schema_version

SEEDS = PROJECT_DIR / "dbt" / "seeds"


def raw_signature(con: duckdb.DuckDBPyConnection) -> str:
    """The raw tables' row counts: they only grow, so any load since changes it."""
    counts = [f"(select count(*) from raw.{name})" for name in RAW_TABLES]
    row = con.execute(f"select {', '.join(counts)}").fetchall()[0]
    return " ".join(f"{name}={count}" for name, count in zip(RAW_TABLES, row, strict=True))


def needs_full_refresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the last finished build was made by another version of the project (or none finished): the rows the
    incremental models keep would then disagree with what the current rules compute."""
    last = con.execute(
        "select project_signature from meta.builds where finished_at is not null order by build_id desc limit 1"
    ).fetchall()
    return bool(last) and last[0][0] != project_signature()


def checks_passed(con: duckdb.DuckDBPyConnection, signature: str) -> bool:
    """Whether a finished build of the whole graph ran the seeds and the unit tests under `signature` (so they passed)
    and every seed is still loaded. Their inputs are fixed by the signature: run again, they give the same answers."""
    passed = con.execute(
        "select count(*) from meta.builds where finished_at is not null and complete and checks_signature = ?",
        [signature],
    ).fetchall()[0][0]
    if not passed:
        return False
    loaded = {
        name
        for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'seeds'"
        ).fetchall()
    }
    return {path.stem for path in SEEDS.glob("*.csv")} <= loaded


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def build_started(
    con: duckdb.DuckDBPyConnection, selection: str | None, complete: bool, checks: str | None = None
) -> int:
    """Log a build about to start; `complete`: it (with the run's earlier stages) covers the whole graph; `checks`:
    the checks_signature it (and the run's earlier stages) ran the seeds and unit tests under, None when skipped."""
    build_id = con.execute("select coalesce(max(build_id), 0) + 1 from meta.builds").fetchall()[0][0]
    con.execute(
        "insert into meta.builds (build_id, selection, complete, raw_signature, started_at, project_signature, "
        "checks_signature) values (?, ?, ?, ?, ?, ?, ?)",
        [build_id, selection, complete, raw_signature(con), _now(), project_signature(), checks],
    )
    return build_id


def build_finished(con: duckdb.DuckDBPyConnection, build_id: int) -> None:
    con.execute("update meta.builds set finished_at = ? where build_id = ?", [_now(), build_id])


def check_marts_current(con: duckdb.DuckDBPyConnection) -> None:
    """Raise UserError unless the marts come from a finished, whole build of the raw data as it is now."""
    version = schema_version(con)
    if version > SCHEMA_VERSION:
        raise UserError(f"the warehouse is at schema version {version}, made by a newer solar-leads: upgrade it")
    if 0 < version < SCHEMA_VERSION:
        raise UserError(
            f"the warehouse's tables are of an earlier solar-leads (schema version {version} of {SCHEMA_VERSION}): "
            "run `leads build` (it upgrades them) before exporting"
        )
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
        raise UserError(
            f"the last build (started {started:%Y-%m-%d %H:%M:%S} UTC) did not finish, so the marts "
            f"may disagree with each other: {todo}"
        )
    if not complete:
        raise UserError(f"the last build covered only part of the warehouse ({selection}): {todo}")
    if signature != raw_signature(con):
        raise UserError(
            f"data was loaded after the last build ({finished:%Y-%m-%d %H:%M:%S} UTC), so the marts are stale: {todo}"
        )
