"""Read CSV / JSONL / JSON files into DuckDB as text, and write query results to files atomically."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from solar_leads.config import out_of_memory
from solar_leads.errors import UserError

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}


def read_json_file(path: Path, what: str = "file") -> Any:
    """The JSON document in `path`, or a UserError saying it is missing or where it is not valid JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{what} {path} does not exist") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path} is not valid JSON: {exc}") from None
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start]
        raise UserError(f"{path} is not UTF-8 text (byte 0x{byte:02x} at offset {exc.start})") from None
    except RecursionError:
        raise UserError(f"{path} is JSON nested too deeply to read") from None
    except IsADirectoryError:
        raise UserError(f"{what} {path} is a folder, not a file") from None


def file_format(path: Path, what: str = "file") -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UserError(f"{what} {path}: unknown extension {path.suffix!r} (expected one of {known})")
    return fmt


def file_reader(path: Path, fmt: str, parallel: bool = True) -> str:
    """The DuckDB table function that reads `path` (csv / jsonl / json) with every column as text."""
    quoted = "'" + str(path).replace("'", "''") + "'"
    if fmt == "csv":
        one_thread = "" if parallel else ", parallel = false"
        return (
            f"read_csv({quoted}, all_varchar = true, header = true, delim = ',', quote = '\"', escape = '\"'"
            f"{one_thread})"
        )
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
    parallel: bool = True,
) -> None:
    """Replace `table` with a view of the rows of `path`, numbered from 1 in file order (`row_column`), with the
    table's column types; columns the file lacks are null. The rows are loaded into `<table>_loaded` first, or
    with stream=True read from the file by whoever reads the view, in one parallel pass; `row_column` is null then,
    and the caller numbers the rows of what it keeps (in the file's order when it keeps insertion order), and runs
    what reads the view through `read_with_fallback` (parallel=False reads the file in one thread).

    Raises UserError when the file is missing, unreadable, or lacks a required column; nothing is loaded then.
    """
    if not path.is_file():
        raise UserError(f"input file {path} does not exist")
    fmt = file_format(path, "input file")
    try:
        con.execute(f"create or replace temp view input_file as select * from {file_reader(path, fmt)}")
        present = [row[0] for row in con.execute("describe input_file").fetchall()]
    except duckdb.Error as exc:
        raise unreadable(path, fmt, exc) from None
    missing = [c for c in required if c not in present]
    if missing:
        raise UserError(f"{path}: missing required column(s) {', '.join(missing)} (found: {', '.join(present)})")
    target_types = {row[0]: row[1] for row in con.execute(f"describe {table}").fetchall()}
    columns = ", ".join(
        f'cast("{c}" as {kind}) as "{c}"' if c in present else f'null::{kind} as "{c}"'
        for c, kind in target_types.items()
        if c != row_column and (c in required or c in optional or c not in present)
    )
    for kind in ("table", "view"):  # a streamed file's table is a view
        with contextlib.suppress(duckdb.CatalogException):
            con.execute(f"drop {kind} if exists {table}")
    if stream:
        # numbering rows here (a window over the scan) would run the whole read on one thread: the caller numbers
        # its narrow result instead, whose insertion order is the file's
        rows = f"select null::bigint as {row_column}, {columns} from {file_reader(path, fmt, parallel)}"
    else:

        def load(in_parallel: bool) -> int:
            # a plain load keeps file order, so rowid numbers the rows (a window function would cost a pass)
            con.execute(
                f"create or replace table {table}_loaded as select {columns} from {file_reader(path, fmt, in_parallel)}"
            )
            return con.execute(f"select count(*) from {table}_loaded").fetchall()[0][0]

        read_with_fallback(path, load)
        rows = f"select rowid + 1 as {row_column}, * from {table}_loaded"
    con.execute(f"create view {table} as {rows}")


# what a file's content (or its disappearance) makes DuckDB raise while reading it
FILE_ERRORS = (duckdb.InvalidInputException, duckdb.ConversionException, duckdb.IOException)


def read_with_fallback(path: Path, attempt: Callable[[bool], int]) -> None:
    """Run attempt(parallel=True), a statement that reads `path` and returns the rows it read.

    DuckDB's parallel CSV reader can lose a row's start inside a quoted field that spans lines (files written with
    plain newlines and multi-line descriptions do), and then stops with an error: the CSV is read again in one thread,
    attempt(parallel=False). DuckDB's one-thread reader drops a last row whose quote never closes without a word, so
    its row count is checked against Python's strict CSV parser. An error that remains is the file's own: a
    UserError naming the file and the line.
    """
    fmt = file_format(path, "input file")
    try:
        attempt(True)
        return
    except FILE_ERRORS as exc:
        splittable = isinstance(exc, duckdb.InvalidInputException) and "unterminated quote" not in str(exc)
        if fmt != "csv" or not splittable:
            raise unreadable(path, fmt, exc) from None
    print(
        f"note: DuckDB's parallel CSV reader stopped in {path}; reading it again in one thread, to tell a line "
        "break inside quotes from an error in the file",
        file=sys.stderr,
        flush=True,
    )
    try:
        read = attempt(False)
    except FILE_ERRORS as exc:
        raise unreadable(path, fmt, exc) from None
    records = csv_record_count(path)
    if read != records:
        raise UserError(f"cannot read {path} as csv: DuckDB read {read} rows of the {records} it holds")


def csv_record_count(path: Path) -> int:
    """The records after the header of a CSV, by Python's strict parser; a UserError where the file is broken."""
    csv.field_size_limit(sys.maxsize)
    records = 0
    with path.open(newline="", encoding="utf-8", errors="replace") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            for row in reader:
                records += bool(row)  # a blank line is no record
        except csv.Error as exc:
            raise UserError(
                f"cannot read {path} as csv: {exc} at line {reader.line_num} (a quote that never closes?)"
            ) from None
    return max(records - 1, 0)


CSV_ERROR_DETAILS = ("Expected Number of Columns", "Value with unterminated quote")


def unreadable(path: Path, fmt: str, exc: duckdb.Error) -> UserError:
    """A one-line UserError for a file DuckDB cannot read: its first line, and the column count a CSV row broke; or
    what to do when it was memory that ran out."""
    if isinstance(exc, duckdb.OutOfMemoryException):
        return UserError(out_of_memory())
    lines = str(exc).splitlines()
    detail = lines[0].removeprefix("Invalid Input Error: ")
    detail += "".join(f" ({line.strip()})" for line in lines[1:] if line.startswith(CSV_ERROR_DETAILS))
    return UserError(f"cannot read {path} as {fmt}: {detail}")


COPY_OPTIONS = {
    "csv": "(format csv, header true)",
    "jsonl": "(format json)",
    "json": "(format json, array true)",
    # one text column written verbatim, a line per row (for rows that are JSON documents already)
    "lines": "(format csv, header false, quote '', escape '', delimiter '\t')",
}


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _describe(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_writable_dir(directory: Path) -> None:
    """Create `directory` if needed and prove a file can be written there; UserError (exit 2) naming it if not."""
    if directory.exists() and not directory.is_dir():
        raise UserError(f"output folder {directory} is a file, not a folder: pass another --out")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory) as probe:
            probe.write(b"probe")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        raise UserError(f"cannot write to output folder {directory}: {_describe(exc)}") from None


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that replaces it only when the block succeeds (mode per the umask). A write
    error (a full disk, a folder in the way, no permission) becomes a UserError naming `target`; it is left as it
    was."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {_describe(exc)}") from None
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except (OSError, duckdb.Error) as exc:
        reason = _describe(exc) if isinstance(exc, OSError) else str(exc).splitlines()[0]
        raise UserError(f"cannot write {target}: {reason}; it was left as it was") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


STAGING_PREFIX = ".leads-staging-"


@contextlib.contextmanager
def file_set(directory: Path, names: Sequence[str]) -> Iterator[dict[str, Path]]:
    """Paths in a hidden staging folder inside `directory`, one per name, moved into `directory` together when the
    block succeeds; on any failure (a full disk, a kill) none of them appears. Staging folders that a killed
    process left behind are removed first. A write error becomes a UserError naming the folder."""
    check_writable_dir(directory)
    for leftover in directory.glob(f"{STAGING_PREFIX}*"):
        pid = leftover.name.removeprefix(STAGING_PREFIX)
        if not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(leftover, ignore_errors=True)
    staging = directory / f"{STAGING_PREFIX}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        yield {name: staging / name for name in names}
        in_the_way = [name for name in names if (directory / name).is_dir()]
        if in_the_way:  # checked before any move: a set is never moved in halfway
            raise IsADirectoryError(21, f"{in_the_way[0]} is a folder there")
        for name in names:
            os.replace(staging / name, directory / name)
    except (OSError, duckdb.Error) as exc:
        reason = _describe(exc) if isinstance(exc, OSError) else str(exc).splitlines()[0]
        raise UserError(f"cannot write the files to {directory}: {reason}; none of them was written") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_query(con: duckdb.DuckDBPyConnection, sql: str, target: Path | None, fmt: str, atomic: bool = True) -> None:
    """Write the result of `sql` as csv / jsonl / json to `target` (atomically unless the caller stages it) or,
    when None, to stdout."""
    if target is None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"out.{fmt}"
            _copy(con, sql, out, fmt)
            with out.open("rb") as fh:
                sys.stdout.flush()
                shutil.copyfileobj(fh, sys.stdout.buffer)
                sys.stdout.flush()
        return
    if not atomic:
        _copy(con, sql, target, fmt)
        return
    with atomic_path(target) as tmp:
        _copy(con, sql, tmp, fmt)


def _copy(con: duckdb.DuckDBPyConnection, sql: str, out: Path, fmt: str) -> None:
    quoted = "'" + str(out).replace("'", "''") + "'"
    con.execute(f"copy ({sql}) to {quoted} {COPY_OPTIONS[fmt]}")
