"""Appending rows to a raw table: one batch, one transaction; and the raw.crawl_log row every loader writes."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import Any

import duckdb
import pandas as pd


def append_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Append `rows` to raw.`table` by column name in one transaction: after a crash the batch is there entirely or
    not at all. Raises duckdb.Error (a full disk, a lost file) with nothing written."""
    if not rows:
        return
    con.register("batch_frame", pd.DataFrame(rows))
    try:
        con.execute("begin transaction")
        con.execute(f"insert into raw.{table} by name select * from batch_frame")
        con.execute("commit")
    except Exception:
        with contextlib.suppress(duckdb.Error):  # after a fatal error (a full disk) there is nothing to undo
            con.execute("rollback")
        raise
    finally:
        with contextlib.suppress(duckdb.Error):
            con.unregister("batch_frame")


def crawl_log_row(
    kind: str,
    source: str | None,
    url: str | None,
    *,
    status: int | None = None,
    error: str | None = None,
    retries: int = 0,
    reason: str | None = None,
    source_key: str | None = None,
    term: str | None = None,
) -> dict[str, Any]:
    """One raw.crawl_log row, logged now (the caller adds its run_id): what failed or was dropped, where, and why."""
    return {
        "logged_at": datetime.now(UTC).replace(tzinfo=None),
        "kind": kind,
        "source": source,
        "url": url,
        "status": status,
        "error": error,
        "retries": retries,
        "reason": reason,
        "source_key": source_key,
        "term": term,
    }
