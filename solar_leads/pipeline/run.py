"""The pipeline's stages in sequence - crawl, dbt build, search, dbt build, exports - one writer at a time.

Each model is built once per run: the first build stops at the search plan (the leads decide what to search for),
the second builds what the searches feed (and, with the LLM extractor, a middle one stops at its questions).
The caller holds the warehouse lock (solar_leads.warehouse.lock) for the whole run.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from solar_leads.config import DEMO_SOURCES, Config
from solar_leads.errors import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    Interrupted,
    RunFailed,
    UserError,
)
from solar_leads.files import check_writable_dir
from solar_leads.pipeline.build import build, plan_builds
from solar_leads.pipeline.crawl import crawl_entries
from solar_leads.pipeline.discover import Batch, discover
from solar_leads.pipeline.export import ExportedFiles, export, render_stats, run_stats
from solar_leads.pipeline.sources import Sources, load_sources
from solar_leads.warehouse.connection import connect, init_warehouse
from solar_leads.warehouse.run_id import holds_real_runs, registered_run

LEADS_STAGE = ("+search_plan", "resource_type:seed")  # the seeds, and what the search plan needs: scores, leads
LLM_STAGE = "+int_enrichment_blocks_grouped"  # what the LLM extractor is asked


@contextlib.contextmanager
def sources_file(sources: Path | None) -> Iterator[Path]:
    """The sources to crawl: the given file, or the bundled demo corpus served on 127.0.0.1 meanwhile."""
    if sources is not None:
        load_sources(sources)  # refuse a bad file before anything runs
        yield sources
        return
    from demo.server import serve

    with serve() as base_url:
        previous = os.environ.get("DEMO_URL")
        os.environ["DEMO_URL"] = base_url
        try:
            yield DEMO_SOURCES
        finally:
            if previous is None:
                os.environ.pop("DEMO_URL", None)
            else:
                os.environ["DEMO_URL"] = previous


def refuse_demo_into_real_warehouse(config: Config) -> None:
    """The demo's fictional companies must never reach a warehouse that holds real runs (and from there, sales)."""
    init_warehouse(config.warehouse)
    with connect(config.warehouse) as con:
        if holds_real_runs(con):
            raise UserError(f"warehouse {config.warehouse} holds real crawls: the demo corpus would mix fictional "
                            "companies into them. Pass --sources, or give the demo its own --warehouse")  # fmt: skip


def crawl_in_subprocess(config: Config, sources: Path, run_id: str, overrides: Sequence[str] = ()) -> int:
    """Crawl in a child process: Scrapy's reactor runs once per process, and the warehouse lock is released
    when it exits, before dbt opens the file. `overrides` are Scrapy settings as NAME=VALUE. Returns the crawl's
    exit status (0 / 1 / 3); raises UserError when it refused its input, Interrupted when it was interrupted.

    Ctrl-C reaches the child too (one process group): the parent waits for the child's orderly stop, which
    commits what it had loaded, instead of killing it; a SIGTERM to the parent is passed on to the child."""
    command = [sys.executable, "-m", "solar_leads.cli", "crawl", "--sources", str(sources),
               "--warehouse", str(config.warehouse), "--run-id", run_id]  # fmt: skip
    command += [argument for setting in overrides for argument in ("--set", setting)]
    child = subprocess.Popen(command, env=os.environ.copy())
    previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
    previous_term = signal.signal(signal.SIGTERM, lambda *_: child.send_signal(signal.SIGTERM))
    try:
        status = child.wait()
    finally:
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)
    if status == EXIT_BAD_INPUT:
        raise UserError("the crawl refused its input (see the message above); nothing was built or exported")
    if status in (EXIT_INTERRUPTED, -signal.SIGINT, -signal.SIGTERM):
        raise Interrupted(f"run {run_id} was interrupted during a crawl: what it loaded is kept in the raw tables; "
                          "no files were exported (`leads build`, then `leads export`, finish the job)")  # fmt: skip
    return status


def run(config: Config, sources: Path | None, overrides: Sequence[str] = (), formats: Sequence[str] = ("csv",),
        bom: bool = False, batch: Batch = (1, 1)) -> int:  # fmt: skip
    """Crawl postings, score them, search for facts about the leads, decide which facts to accept, export.
    Returns 0, or 3 (partial) when some requests failed along the way; raises RunFailed when nothing was crawled."""
    if sources is not None:
        load_sources(sources)  # a bad file is refused first, before anything is created
    check_writable_dir(config.output_dir)  # before any request: a run must not crawl for exports it cannot write
    if sources is None:
        refuse_demo_into_real_warehouse(config)
    with sources_file(sources) as path:
        parsed = load_sources(path)
        with registered_run(config.warehouse, "run", sources, sources is None) as record:
            statuses = _stages(config, path, parsed, record.run_id, overrides, lambda: export(config, formats, bom),
                               batch)  # fmt: skip
            record.status = "partial" if EXIT_PARTIAL in statuses else "ok"
    if EXIT_PARTIAL in statuses:
        print(f"run {record.run_id}: PARTIAL - some requests failed (see the crawl summaries above and "
              "raw.crawl_log); everything that loaded was built and exported", file=sys.stderr)  # fmt: skip
        return EXIT_PARTIAL
    return EXIT_OK


def _stages(config: Config, sources: Path, parsed: Sources, run_id: str, overrides: Sequence[str],
            export: Callable[[], ExportedFiles], batch: Batch) -> list[int]:  # fmt: skip
    from solar_leads.pipeline.search import collect_snippets

    crawl = functools.partial(crawl_in_subprocess, overrides=overrides)
    statuses = []
    if parsed.discovers:
        statuses.append(discover(config, parsed, run_id, batch).exit_status)
    if crawl_entries(config, parsed):
        statuses.append(crawl(config, sources, run_id))
    with connect(config.warehouse) as con:
        (loaded,) = con.execute("select count(*) from raw.postings where run_id = ?", [run_id]).fetchall()[0]
    if not loaded and any(status != EXIT_OK for status in statuses):
        raise RunFailed(f"run {run_id}: nothing was loaded (every source failed, exit {max(statuses)}); "
                        "nothing was built or exported, earlier runs' data and files are untouched")  # fmt: skip
    statuses = [EXIT_OK if status == EXIT_OK else EXIT_PARTIAL for status in statuses]
    plan = plan_builds(config)
    build(config, plan, select=list(LEADS_STAGE), quiet=True)
    if parsed.search_endpoint:
        # a search endpoint that fails is a partial run: the leads are still exported, without new facts
        status = collect_snippets(config, parsed.search_endpoint, run_id, parsed.user_agent, crawl)
        statuses.append(EXIT_OK if status == EXIT_OK else EXIT_PARTIAL)
    built = list(LEADS_STAGE)
    if config.llm is not None:
        from solar_leads.pipeline.llm_extract import run_llm_extraction

        build(config, plan, select=[LLM_STAGE], exclude=built, quiet=True)
        built.append(LLM_STAGE)
        run_llm_extraction(config, config.llm, run_id)
    build(config, plan, exclude=[*built, "tag:adhoc"], quiet=True, completes=True)
    files = export()
    with connect(config.warehouse) as con:
        print(render_stats(run_stats(con)), file=sys.stderr)
    print("wrote " + "\n      ".join(str(p) for p in files.paths()), file=sys.stderr)
    return statuses
