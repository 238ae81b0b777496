"""The pipeline's stages in sequence - crawl, dbt build, search, dbt build, exports - one writer at a time.

Each model is built once per run: the first build stops at the search plan (the leads decide what to search for),
the second builds what the searches feed (and, with the LLM extractor, a middle one stops at its questions).
The caller holds the warehouse lock (solar_leads.warehouse.lock) for the whole run.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from solar_leads.config import Config
from solar_leads.errors import (
    EXIT_OK,
    EXIT_PARTIAL,
    RunFailed,
)
from solar_leads.files import check_writable_dir
from solar_leads.pipeline.build import build, plan_builds
from solar_leads.pipeline.crawl import crawl_entries
from solar_leads.pipeline.crawl_process import crawl_in_child
from solar_leads.pipeline.demo_sources import refuse_demo_into_real_warehouse, sources_file
from solar_leads.pipeline.discover import Batch, discover
from solar_leads.pipeline.export import ExportedFiles, export, render_stats, run_stats
from solar_leads.pipeline.sources import Sources, load_sources
from solar_leads.warehouse.connection import connect
from solar_leads.warehouse.run_id import registered_run

LEADS_STAGE = ("+search_plan", "resource_type:seed")  # the seeds, and what the search plan needs: scores, leads
LLM_STAGE = "+int_enrichment_blocks_grouped"  # what the LLM extractor is asked


def run(
    config: Config,
    sources: Path | None,
    overrides: Mapping[str, str] | None = None,
    formats: Sequence[str] = ("csv",),
    bom: bool = False,
    batch: Batch = (1, 1),
) -> int:
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
            statuses = _stages(
                config, path, parsed, record.run_id, overrides, lambda: export(config, formats, bom), batch
            )
            record.status = "partial" if EXIT_PARTIAL in statuses else "ok"
    if EXIT_PARTIAL in statuses:
        print(
            f"run {record.run_id}: PARTIAL - some requests failed (see the crawl summaries above and "
            "raw.crawl_log); everything that loaded was built and exported",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    return EXIT_OK


def _stages(
    config: Config,
    sources: Path,
    parsed: Sources,
    run_id: str,
    overrides: Mapping[str, str] | None,
    export: Callable[[], ExportedFiles],
    batch: Batch,
) -> list[int]:
    from solar_leads.pipeline.search import collect_snippets

    crawl = functools.partial(crawl_in_child, overrides=overrides)
    statuses = []
    if parsed.discovers:
        statuses.append(discover(config, parsed, run_id, batch).exit_status)
    if crawl_entries(config, parsed):
        statuses.append(crawl(config, sources, run_id))
    with connect(config.warehouse) as con:
        (loaded,) = con.execute("select count(*) from raw.postings where run_id = ?", [run_id]).fetchall()[0]
    if not loaded and any(status != EXIT_OK for status in statuses):
        raise RunFailed(
            f"run {run_id}: nothing was loaded (every source failed, exit {max(statuses)}); "
            "nothing was built or exported, earlier runs' data and files are untouched"
        )
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
