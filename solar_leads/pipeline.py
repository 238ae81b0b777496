"""The pipeline's stages in sequence - crawl, dbt build, exports - one writer at a time, in one process tree."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from solar_leads.config import PROJECT_DIR, Config
from solar_leads.dbt_runner import run_dbt
from solar_leads.errors import UserError
from solar_leads.labeled_data import default_files, reload_labeled_items
from solar_leads.run_id import new_run_id
from solar_leads.sources import load_sources
from solar_leads.warehouse import connect, init_warehouse

DEMO_SOURCES = PROJECT_DIR / "demo" / "sources.yml"


def build(config: Config, select: list[str] | None = None, quiet: bool = False) -> None:
    """Reload the labeled items, then `dbt build` (seeds, models, unit and data tests), or only `select`.
    quiet: dbt prints only errors (a failure still names every failed node)."""
    init_warehouse(config.warehouse)
    with connect(config.warehouse) as con:
        reload_labeled_items(con, default_files(config.labeled_dir))
    result = run_dbt(["build", *(["--select", *select] if select else [])], config.warehouse, config.dbt_vars(),
                     quiet=quiet)  # fmt: skip
    passed = sum(1 for r in (result.results if result else []) if str(r.status).lower() in {"pass", "success"})
    scope = f" ({' '.join(select)})" if select else ""
    print(f"built warehouse {config.warehouse}{scope}: {passed} models, seeds and tests passed", file=sys.stderr)


@contextlib.contextmanager
def sources_file(sources: Path | None) -> Iterator[Path]:
    """The sources to crawl: the given file, or the bundled demo corpus served on 127.0.0.1 meanwhile."""
    if sources is not None:
        load_sources(sources)  # refuse a bad file before anything runs
        yield sources
        return
    from solar_leads.demo_server import serve

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


def crawl_in_subprocess(config: Config, sources: Path, run_id: str) -> None:
    """Crawl in a child process: Scrapy's reactor runs once per process, and the warehouse lock is released
    when it exits, before dbt opens the file."""
    command = [sys.executable, "-m", "solar_leads.cli", "crawl", "--sources", str(sources),
               "--warehouse", str(config.warehouse), "--run-id", run_id]  # fmt: skip
    if subprocess.run(command, env=os.environ.copy()).returncode != 0:
        raise UserError("the crawl failed; nothing was built or exported (see the messages above)")


def run(config: Config, sources: Path | None) -> None:
    """Crawl postings, score them, search for facts about the leads, decide which facts to accept, export."""
    from solar_leads.enrichment import collect_snippets
    from solar_leads.exports import export, render_stats, run_stats

    run_id = new_run_id()
    with sources_file(sources) as path:
        crawl_in_subprocess(config, path, run_id)
        build(config, select=["+leads", "resource_type:seed"], quiet=True)  # the leads decide what to search for
        parsed = load_sources(path)
        if parsed.search_endpoint:
            collect_snippets(config, parsed.search_endpoint, run_id, parsed.user_agent, crawl_in_subprocess)
    if config.llm is not None:
        from solar_leads.llm_enrichment import run_llm_extraction

        build(config, select=["+int_snippets_deduplicated", "resource_type:seed"], quiet=True)
        run_llm_extraction(config, config.llm, run_id)
    build(config, quiet=True)
    files = export(config)
    with connect(config.warehouse) as con:
        print(render_stats(run_stats(con)), file=sys.stderr)
    print(f"wrote {files.leads_csv}\n      {files.rejected_json}\n      {files.run_stats_json}\n"
          f"      {files.label_studio_json}\n      {files.decisions_jsonl}", file=sys.stderr)  # fmt: skip
