"""How a `leads` process ends: the exit status an exception maps to (the contract in solar_leads/errors.py), and
the end of the process without the interpreter's teardown.

The teardown: once a command has returned, finalizing every module and object dbt and DuckDB left behind took 0.9 s
(measured at the end of a daily build, whose work took 10 s). Nothing in that teardown is needed: the warehouse
connections are closed (a DuckDB commit is durable when it returns), the exit handlers run (temporary folders, log
files), and the output is flushed first. This is the only place that ends the process early; `scrapy crawl`, which
ends the normal way, drops its DuckDB connection itself (scrapy_project/pipelines.py) so none is left for teardown.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import traceback
from typing import NoReturn

import duckdb

from solar_leads.config import out_of_memory
from solar_leads.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT_CLOSED,
    Interrupted,
    RunFailed,
    UserError,
)
from solar_leads.interrupts import stop_asked
from solar_leads.warehouse.dbt_runner import DbtError

INTERRUPTED_MESSAGE = (
    "interrupted: stopped before the end; the raw data loaded so far is kept, files and marts of earlier "
    "runs are untouched (an export refuses marts of an unfinished build: run `leads build`)"
)


def exit_status(exc: BaseException, debug: bool = False) -> int:
    """Say in one line what ended a command (a traceback only with --debug) and return its exit status."""
    if isinstance(exc, SystemExit):
        raise exc
    if stop_asked() and not isinstance(exc, Interrupted):  # whatever the stop surfaced as (solar_leads.interrupts)
        print(INTERRUPTED_MESSAGE, file=sys.stderr)
        return EXIT_INTERRUPTED
    if isinstance(exc, UserError):
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(exc, DbtError | RunFailed):
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if isinstance(exc, Interrupted):
        print(f"interrupted: {exc}", file=sys.stderr)
        return EXIT_INTERRUPTED
    if isinstance(exc, KeyboardInterrupt):
        print(INTERRUPTED_MESSAGE, file=sys.stderr)
        return EXIT_INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # the reader stopped early: nothing to say (it is gone), and nothing more to write to it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OUTPUT_CLOSED
    if isinstance(exc, duckdb.OutOfMemoryException):
        print(f"error: {out_of_memory()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if debug:
        traceback.print_exception(exc)
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    print(f"error: unexpected {type(exc).__name__}: {first} (rerun with --debug for the traceback)", file=sys.stderr)
    return EXIT_FAILED


def exit_now(code: int) -> NoReturn:
    gc.collect()  # DuckDB objects left in reference cycles are closed now, as a normal exit would
    atexit._run_exitfuncs()  # what a normal exit runs: logging.shutdown, temporary folders' cleanup, ...
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):  # a reader that stopped early, or a closed stream
            stream.flush()
    os._exit(code)
