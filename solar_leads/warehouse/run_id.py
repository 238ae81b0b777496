"""Run ids and the run registry (meta.runs): every run of a warehouse, what it crawled and how it ended.

A run id is the UTC start time, YYYYMMDD_HHMMSS, stamped on every raw row and output file of the run. When that
second's id is taken on the warehouse (two runs started in one second), microseconds are appended
(YYYYMMDD_HHMMSS_ffffff), which still sorts in start order.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from solar_leads.errors import Interrupted, UserError
from solar_leads.interrupts import stop_asked

RUN_ID = re.compile(r"^\d{8}_\d{6}(_\d{6})?$")
USED_IDS = """
    select run_id from meta.runs where run_id = $id
    union all select run_id from raw.crawl_log where run_id = $id
    union all (select run_id from raw.postings where run_id = $id limit 1)
"""


def check_run_id(value: str) -> str:
    if not RUN_ID.match(value):
        raise UserError(f"run id {value!r} is not of the form YYYYMMDD_HHMMSS (or YYYYMMDD_HHMMSS_ffffff)")
    return value


def start_run(
    con: duckdb.DuckDBPyConnection, command: str, sources: Path | None, is_demo: bool, run_id: str | None = None
) -> str:
    """Register a run (status 'running') under a new id, or under `run_id` when given and not yet registered."""
    now = datetime.now(UTC)
    if run_id is None:
        run_id = now.strftime("%Y%m%d_%H%M%S")
        if con.execute(USED_IDS, {"id": run_id}).fetchall():
            run_id = now.strftime("%Y%m%d_%H%M%S_%f")
    con.execute(
        "insert into meta.runs (run_id, command, sources, is_demo, started_at, status) "
        "values (?, ?, ?, ?, ?, 'running') on conflict do nothing",
        [run_id, command, str(sources) if sources else None, is_demo, now.replace(tzinfo=None)],
    )
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str) -> None:
    """Record how the run ended: ok, partial, failed or interrupted."""
    con.execute(
        "update meta.runs set status = ?, finished_at = ? where run_id = ?",
        [status, datetime.now(UTC).replace(tzinfo=None), run_id],
    )


def holds_real_runs(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse holds postings of runs that did not crawl the bundled demo corpus."""
    registered_real = con.execute("select count(*) from meta.runs where not is_demo").fetchall()[0][0]
    unregistered = con.execute(
        "select count(*) from raw.postings where run_id not in (select run_id from meta.runs)"
    ).fetchall()[0][0]
    return bool(registered_real or unregistered)


@dataclass
class RunRecord:
    run_id: str
    status: str = "ok"  # set by the run's body: ok, partial or failed (an exception sets failed / interrupted)


@contextlib.contextmanager
def registered_run(
    warehouse: Path, command: str, sources: Path | None, is_demo: bool, run_id: str | None = None
) -> Iterator[RunRecord]:
    """Register the run in meta.runs for the block and record how it ended. A crawl started by `leads run` with
    the run's id leaves the record to its parent."""
    from solar_leads.warehouse.connection import connect
    from solar_leads.warehouse.schema import migrate

    with connect(warehouse) as con:
        migrate(con)
        registered = bool(run_id and con.execute("select 1 from meta.runs where run_id = ?", [run_id]).fetchall())
        record = RunRecord(run_id if registered and run_id else start_run(con, command, sources, is_demo, run_id))
    if registered:
        yield record
        return
    try:
        yield record
    except (KeyboardInterrupt, Interrupted):
        record.status = "interrupted"
        raise
    except BaseException:
        record.status = "interrupted" if stop_asked() else "failed"
        raise
    finally:
        with contextlib.suppress(Exception), connect(warehouse) as con:  # a full disk must not hide the real error
            finish_run(con, record.run_id, record.status)
