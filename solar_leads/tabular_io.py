"""Read CSV / JSONL / JSON files into DuckDB as text, and write query results to files atomically."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb

from solar_leads.errors import UserError

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}


def file_format(path: Path, what: str = "file") -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UserError(f"{what} {path}: unknown extension {path.suffix!r} (expected one of {known})")
    return fmt


def _reader(path: Path, fmt: str) -> str:
    quoted = "'" + str(path).replace("'", "''") + "'"
    if fmt == "csv":
        return f"read_csv({quoted}, all_varchar = true, header = true, delim = ',', quote = '\"', escape = '\"')"
    layout = "newline_delimited" if fmt == "jsonl" else "auto"
    return f"read_json({quoted}, format = '{layout}', maximum_object_size = 67108864)"


def load_as_text(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    table: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
    row_column: str = "request_row",
    stream: bool = False,
) -> None:
    """Insert the rows of `path` into `table` as text, numbering them from 1 in file order. With stream=True the
    table is replaced by a view over the file instead: whoever reads it reads the file, in one pass.

    Raises UserError when the file is missing, unreadable, or lacks a required column; nothing is inserted then.
    """
    if not path.is_file():
        raise UserError(f"input file {path} does not exist")
    fmt = file_format(path, "input file")
    try:
        con.execute(f"create or replace temp view input_file as select * from {_reader(path, fmt)}")
        present = [row[0] for row in con.execute("describe input_file").fetchall()]
    except duckdb.Error as exc:
        raise UserError(f"cannot read {path} as {fmt}: {str(exc).splitlines()[0]}") from None
    missing = [c for c in required if c not in present]
    if missing:
        raise UserError(f"{path}: missing required column(s) {', '.join(missing)} (found: {', '.join(present)})")
    target_types = {row[0]: row[1] for row in con.execute(f"describe {table}").fetchall()}
    selected = [c for c in (*required, *optional) if c in present]
    casts = ", ".join(f'cast("{c}" as {target_types[c]}) as "{c}"' for c in selected)
    rows = f"select row_number() over () as {row_column}, {casts} from {_reader(path, fmt)}"
    if stream:
        missing_columns = ", ".join(f"null::{kind} as {c}" for c, kind in target_types.items()
                                    if c not in selected and c != row_column)  # fmt: skip
        con.execute(f"drop table if exists {table}")
        con.execute(f"create view {table} as select *{', ' + missing_columns if missing_columns else ''} from ({rows})")
        return
    try:
        column_list = ", ".join(f'"{c}"' for c in selected)
        con.execute(f'insert into {table} ("{row_column}", {column_list}) {rows}')
    except duckdb.Error as exc:
        raise UserError(f"cannot read {path} as {fmt}: {str(exc).splitlines()[0]}") from None


COPY_OPTIONS = {
    "csv": "(format csv, header true)",
    "jsonl": "(format json)",
    "json": "(format json, array true)",
    # one text column written verbatim, a line per row (for rows that are JSON documents already)
    "lines": "(format csv, header false, quote '', escape '', delimiter '\t')",
}


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that replaces it only when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_query(con: duckdb.DuckDBPyConnection, sql: str, target: Path | None, fmt: str) -> None:
    """Write the result of `sql` as csv / jsonl / json to `target` (atomically) or, when None, to stdout."""
    if target is None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"out.{fmt}"
            _copy(con, sql, out, fmt)
            with out.open("rb") as fh:
                sys.stdout.flush()
                shutil.copyfileobj(fh, sys.stdout.buffer)
                sys.stdout.flush()
        return
    with atomic_path(target) as tmp:
        _copy(con, sql, tmp, fmt)


def _copy(con: duckdb.DuckDBPyConnection, sql: str, out: Path, fmt: str) -> None:
    quoted = "'" + str(out).replace("'", "''") + "'"
    con.execute(f"copy ({sql}) to {quoted} {COPY_OPTIONS[fmt]}")
