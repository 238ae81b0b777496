"""Run dbt in-process against a given warehouse file, with dbt's console output sent to stderr."""

from __future__ import annotations

import contextlib
import fcntl
import gc
import json
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import duckdb

from solar_leads.config import DEBUG_ENV, PROJECT_DIR, out_of_memory
from solar_leads.environment import environment
from solar_leads.errors import UserError
from solar_leads.interrupts import stop_asked
from solar_leads.progress import Ticker
from solar_leads.warehouse.connection import connect


class DbtError(RuntimeError):
    """dbt reported a failure (a model error or a failing test); the message lists what failed."""


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """Send everything written to stdout - by Python or below it - to stderr: dbt prints compiled SQL and logs
    to the process's stdout, which belongs to our command's output (a CSV or JSON on stdout)."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        with contextlib.redirect_stdout(_QuietOnceStopped(sys.stderr)):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


class _QuietOnceStopped:
    """dbt's console until Ctrl-C or SIGTERM stops the command, then nothing: what dbt prints about the statement
    it was in (a traceback among it) says nothing the command's one line does not (solar_leads.interrupts)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return len(text) if stop_asked() else self.stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def _release_warehouse() -> None:
    """Close dbt-duckdb's cached database handle. It outlives the invocation (the adapter keeps one environment
    per process) and holds the warehouse file's lock, which a crawl in a child process then cannot take;
    DuckDBConnectionManager.close_all_connections() drops the reference without closing it."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()


class BuildProgress:
    """Follows dbt's node events, for the progress line: nodes done, and the ones running now."""

    def __init__(self) -> None:
        self.done = 0
        self.running: dict[str, None] = {}

    def __call__(self, event: Any) -> None:
        name = event.info.name
        if name not in ("NodeStart", "NodeFinished"):
            return
        node = getattr(event.data.node_info, "node_name", "?")
        if name == "NodeStart":
            self.running[node] = None
        else:
            self.running.pop(node, None)
            self.done += 1

    def describe(self, seconds: float) -> str:
        now = ", ".join(self.running) or "-"
        return f"  dbt: {self.done} nodes done in {seconds:.0f}s, running: {now}"


def run_dbt(
    command: list[str],
    warehouse: Path,
    dbt_vars: Mapping[str, object],
    quiet: bool = False,
    target_path: Path | None = None,
) -> list[Any]:
    """Invoke `dbt <command>` on `warehouse` (artifacts in `target_path`, default target/); return dbt's node
    results; raise DbtError naming the failed nodes."""
    with _collector_paused():
        return _run_dbt(command, warehouse, dbt_vars, quiet, target_path)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector waits while dbt imports and runs. dbt makes hundreds of thousands of
    objects that live until it returns (its classes, the manifest, each node's context and events), and the collector
    scans them again each time they outgrow its thresholds: ~0.7 s of a daily build (9.7 s -> 9.0 s), for ~20 MB."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run_dbt(
    command: list[str], warehouse: Path, dbt_vars: Mapping[str, object], quiet: bool, target_path: Path | None
) -> list[Any]:
    from dbt.cli.main import dbtRunner  # imported lazily: dbt takes a second to import

    require_project()
    args = [
        *command,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        *(["--target-path", str(target_path)] if target_path else []),
        "--vars",
        json.dumps(dict(dbt_vars)),
    ]
    if quiet:
        args = ["--quiet", *args]
    if os.environ.get(DEBUG_ENV):
        args += ["--log-level-file", "debug"]  # dbt_project.yml logs at info
    progress = BuildProgress()
    parse_state_without_the_path()
    try:
        with (
            _folder_lock(target_path),
            environment(WAREHOUSE=str(warehouse)),
            _stdout_to_stderr(),
            Ticker(progress.describe),
        ):
            result = dbtRunner(callbacks=[progress]).invoke(args)
    finally:
        _release_warehouse()
    if result.exception is not None:
        raise DbtError(f"dbt {' '.join(command)} could not run: {result.exception}")
    if not result.success:
        failed = [
            f"{r.node.unique_id}: {r.message}{_failing_rows(warehouse, r)}"
            for r in _node_results(result.result)
            if str(getattr(r, "status", "")).lower() in {"error", "fail"}
        ]
        if any("Out of Memory Error" in line for line in failed):
            failed.append(out_of_memory())
        raise DbtError(f"dbt {' '.join(command)} failed:\n  " + "\n  ".join(failed or ["see the log above"]))
    return _node_results(result.result)


def parse_state_without_the_path() -> None:
    """dbt parses the project again (1.7 s) when the profile's connection details differ from its last parse, and
    the DuckDB profile's details include the warehouse file's path. Nothing dbt parses reads the path (`target.path`
    appears in no model or macro); the database name, which models do read, stays in the comparison. Leaving the path
    out lets warehouses of one name share one parse (build.target_path)."""
    from dbt.adapters.duckdb.credentials import DuckDBCredentials

    keys = DuckDBCredentials._connection_keys
    if getattr(keys, "without_path", False):
        return

    def without_path(self: DuckDBCredentials) -> tuple[str, ...]:
        return tuple(key for key in keys(self) if key != "path")

    without_path.without_path = True  # type: ignore[attr-defined]
    DuckDBCredentials._connection_keys = without_path  # type: ignore[method-assign]


@contextlib.contextmanager
def _folder_lock(folder: Path | None) -> Iterator[None]:
    """Wait for any other build writing dbt's artifacts into `folder`, and hold it for this one."""
    if folder is None:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _failing_rows(warehouse: Path, result: Any, shown: int = 10) -> str:
    """For a failed data test, its first rows (e.g. rows_hold's broken checks, a duplicated key), so the message says
    what broke; empty for other nodes, or when the test's query cannot run again."""
    sql = getattr(result.node, "compiled_code", None)
    if str(result.status).lower() != "fail" or not sql:
        return ""
    try:
        with connect(warehouse, read_only=True) as con:
            cursor = con.execute(f"select * from ({sql}) limit {shown}")
            names = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
    except (duckdb.Error, UserError):  # e.g. a model the test reads failed to build
        return ""
    return "".join("\n    " + ", ".join(map("{}={}".format, names, row)) for row in rows)


def _node_results(result: Any) -> list[Any]:
    """The per-node results of a dbt invocation (none for commands such as parse)."""
    return list(getattr(result, "results", None) or [])


def require_project() -> None:
    """The dbt project ships with the checkout; an install without it cannot build anything."""
    if not (PROJECT_DIR / "dbt_project.yml").exists():
        raise UserError(f"dbt project not found at {PROJECT_DIR}: install solar-leads from a checkout (pip -e)")
