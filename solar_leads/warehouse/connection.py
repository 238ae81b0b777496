"""The DuckDB warehouse file: connections, and its creation or upgrade (init_warehouse)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from solar_leads.errors import UserError
from solar_leads.warehouse.lock import in_use_message


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


def init_warehouse(path: Path) -> None:
    """Create the warehouse file, or bring an older one's own tables up to date (solar_leads.warehouse.schema)."""
    from solar_leads.warehouse.schema import migrate

    with connect(path) as con:
        migrate(con)
