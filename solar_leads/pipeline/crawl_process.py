"""`leads crawl` as a function (crawl_stage), and the same crawl in a child process for `leads run`
(crawl_in_child): Scrapy's Twisted reactor runs once per process, and a run crawls up to twice (postings, then
the searches for facts).

The child is started with multiprocessing's spawn (a fresh interpreter: nothing of dbt or DuckDB is inherited),
runs crawl_stage under the lock its parent holds for it, and exits with the crawl's status. It dies with its parent
(a killed `leads run` leaves no crawl writing without the lock). Ctrl-C reaches both (one process group): the parent
waits for the child's orderly stop, which commits what it had loaded; a SIGTERM to the parent is passed on.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

from solar_leads.config import DEBUG_ENV, Config
from solar_leads.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    Interrupted,
    UserError,
)
from solar_leads.interrupts import stop_on_signals
from solar_leads.pipeline.demo_sources import refuse_demo_into_real_warehouse, sources_file
from solar_leads.pipeline.sources import load_sources
from solar_leads.warehouse.lock import warehouse_lock
from solar_leads.warehouse.run_id import registered_run

CRAWL_STATUS = {EXIT_OK: "ok", EXIT_PARTIAL: "partial", EXIT_FAILED: "failed", EXIT_INTERRUPTED: "interrupted"}
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies (Linux)


def crawl_stage(
    config: Config,
    sources: Path | None,
    run_id: str | None,
    overrides: Mapping[str, str],
    lock_held_by_parent: bool = False,
) -> int:
    """Crawl `sources` (None: the demo corpus) into the warehouse under its lock, recorded in meta.runs; return the
    crawl's exit status (0 / 1 / 3). `overrides` are Scrapy settings by name."""
    from solar_leads.pipeline.crawl import crawl

    with warehouse_lock(config.warehouse, "crawl", held_by_parent=lock_held_by_parent):
        if sources is None:
            refuse_demo_into_real_warehouse(config)
        with sources_file(sources) as path:
            parsed = load_sources(path)
            with registered_run(config.warehouse, "crawl", sources, sources is None, run_id) as record:
                summary = crawl(config, parsed, record.run_id, dict(overrides))
                record.status = CRAWL_STATUS[summary.exit_status]
    return summary.exit_status


def crawl_in_child(config: Config, sources: Path, run_id: str, overrides: Mapping[str, str] | None = None) -> int:
    """crawl_stage in a child process, under the lock this process holds; return its exit status. Raises UserError
    when it refused its input, Interrupted when it was interrupted."""
    context = multiprocessing.get_context("spawn")
    child = context.Process(
        target=_child_main,
        args=(config, sources, run_id, dict(overrides or {}), os.getpid()),
        name=f"leads crawl {run_id}",
    )
    child.start()
    previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)  # after start: the child must not inherit it
    previous_term = signal.signal(signal.SIGTERM, lambda *_: os.kill(child.pid, signal.SIGTERM))  # type: ignore[arg-type]
    try:
        child.join()
    finally:
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)
    status = child.exitcode
    if status == EXIT_BAD_INPUT:
        raise UserError("the crawl refused its input (see the message above); nothing was built or exported")
    if status in (EXIT_INTERRUPTED, -signal.SIGINT, -signal.SIGTERM):
        raise Interrupted(
            f"run {run_id} was interrupted during a crawl: what it loaded is kept in the raw tables; "
            "no files were exported (`leads build`, then `leads export`, finish the job)"
        )
    return EXIT_FAILED if status is None or status < 0 else status


def _child_main(config: Config, sources: Path, run_id: str, overrides: dict[str, str], parent: int) -> None:
    from solar_leads.exit import exit_now, exit_status

    _die_with(parent)
    try:
        with stop_on_signals():  # as in the `leads` command: Ctrl-C and SIGTERM stop the crawl, exit 130
            status = crawl_stage(config, sources, run_id, overrides, lock_held_by_parent=True)
    except BaseException as exc:
        status = exit_status(exc, bool(os.environ.get(DEBUG_ENV)))
    exit_now(status)


def _die_with(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux; elsewhere a killed parent's child finishes
    its crawl). DuckDB commits are atomic: a killed crawl keeps its whole batches and loses none half-written."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(EXIT_INTERRUPTED)
