"""`leads query`: read-only ad-hoc SQL on the warehouse, one SELECT / WITH statement at a time, within a time and
a memory limit, answering from warehouse tables only (no files, no settings, no local paths)."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import sqlglot
from sqlglot import exp

from solar_leads.config import DEFAULT_MEMORY_LIMIT, MEMORY_SIZE
from solar_leads.errors import UserError
from solar_leads.warehouse.connection import connect

# Table functions that read no files; every other table function (read_csv, glob, ...) is refused.
SAFE_TABLE_FUNCTIONS = {"unnest", "range", "generate_series"}
# Functions and relations that read files, the environment or the engine's own settings (which hold local paths).
REFUSED_PREFIXES = (
    "read_",
    "glob",
    "getenv",
    "sniff_",
    "parquet_",
    "query",
    "duckdb_",
    "pragma_",
    "current_setting",
    "which_secret",
    "sqlite_",
    "load_",
    "install_",
)
DEFAULT_TIMEOUT = 60.0  # seconds
DEFAULT_TABLE_ROWS = 1000  # the table format prints this many rows; csv and json write every row
BATCH = 10_000


def check_query(sql: str) -> str:
    """Return `sql` if it is exactly one read-only query; raise UserError saying why not."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except sqlglot.errors.SqlglotError as exc:
        raise UserError(f"query does not parse: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise UserError("query does not parse: it is nested too deeply") from None
    if len(statements) != 1:
        raise UserError(f"give exactly one statement (found {len(statements)})")
    statement = statements[0]
    if not isinstance(statement, exp.Query):
        kind = statement.key.upper()
        raise UserError(f"only SELECT / WITH queries are allowed here, not {kind}: the warehouse is read-only")
    for node in statement.walk():
        _check_node(node)
    return sql


def _check_node(node: exp.Expr) -> None:
    if isinstance(node, exp.Table) and not isinstance(node.this, exp.Identifier):
        name = node.this.sql(dialect="duckdb").split("(")[0].lower()
        if name not in SAFE_TABLE_FUNCTIONS:
            raise UserError(f"table function {name}() is not allowed: queries may read warehouse tables only")
    if isinstance(node, exp.Table) and isinstance(node.this, exp.Identifier):
        if "/" in node.name or "." in node.name:
            raise UserError(f"reading files ({node.name!r}) is not allowed: query warehouse tables only")
        if node.name.lower().startswith(REFUSED_PREFIXES):
            raise UserError(f"{node.name} is not allowed: queries may read warehouse tables only")
    if isinstance(node, exp.Func):
        name = (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
        if name.startswith(REFUSED_PREFIXES):
            raise UserError(f"function {name}() is not allowed: queries may read warehouse tables only")


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description or []]

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        while batch := cursor.fetchmany(BATCH):
            yield batch

    return columns, batches()


def run_query(
    warehouse: Path,
    sql: str,
    fmt: str = "table",
    timeout: float = DEFAULT_TIMEOUT,
    memory_limit: str = DEFAULT_MEMORY_LIMIT,
    max_rows: int = DEFAULT_TABLE_ROWS,
) -> None:
    """Run one checked query and write its answer to stdout, only once it is complete: the answer is spooled to a
    temporary file, so a query stopped by its time or memory limit prints nothing but the error."""
    check_query(sql)
    if timeout <= 0:
        raise UserError(f"--timeout must be a positive number of seconds, got {timeout:g}")
    if max_rows < 1:
        raise UserError(f"--max-rows must be at least 1, got {max_rows}")
    # Belt and braces: even a query that slipped past the checks cannot write, touch files or spill to disk.
    config: dict[str, Any] = {"enable_external_access": False, "memory_limit": memory_limit, "temp_directory": ""}
    if not MEMORY_SIZE.match(memory_limit):
        raise UserError(f"--memory-limit {memory_limit!r} is not a size such as 500MB or 2GB")
    con = connect(warehouse, read_only=True, config={**config, "lock_configuration": True})
    timer = threading.Timer(timeout, con.interrupt)
    timer.start()
    try:
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
            count = _write(con, sql, fmt, spool, max_rows)
            spool.seek(0)
            for chunk in iter(lambda: spool.read(1 << 20), ""):
                sys.stdout.write(chunk)
        if fmt == "table":
            shown = f"{count} row{'s' if count != 1 else ''}"
            sys.stdout.write(f"({shown}{'; the first ' + str(max_rows) + ' shown' if count > max_rows else ''})\n")
    except duckdb.InterruptException:
        raise UserError(f"query stopped after {timeout:g} s (--timeout): nothing was printed") from None
    except duckdb.OutOfMemoryException:
        limit = f"query needs more than {memory_limit} of memory (--memory-limit)"
        raise UserError(f"{limit}: nothing was printed") from None
    except duckdb.Error as exc:
        raise UserError(f"query failed: {str(exc).splitlines()[0]}") from None
    finally:
        timer.cancel()
        con.close()


def _write(con: duckdb.DuckDBPyConnection, sql: str, fmt: str, out, max_rows: int) -> int:
    """Write the answer to `out` in `fmt`; return the number of rows."""
    columns, batches = _rows(con, sql)
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for batch in batches:
            writer.writerows(batch)
            count += len(batch)
    elif fmt == "json":
        out.write("[")
        for batch in batches:
            for row in batch:
                out.write(",\n  " if count else "\n  ")
                out.write(json.dumps(dict(zip(columns, row, strict=True)), default=str, ensure_ascii=False))
                count += 1
        out.write("\n]\n" if count else "]\n")
    else:
        shown: list[tuple[Any, ...]] = []
        for batch in batches:
            shown += batch[: max(0, max_rows - len(shown))]
            count += len(batch)
        out.write(_table(columns, shown) + "\n" if shown else "(no rows)\n")
    return count


def _table(columns: list[str], rows: list[tuple[Any, ...]], width: int = 60) -> str:
    def cell(value: Any) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= width else text[: width - 3] + "..."

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)
