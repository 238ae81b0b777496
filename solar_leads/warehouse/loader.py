"""Appending rows to a raw table: one batch, one transaction."""

from __future__ import annotations

import contextlib

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
