"""`leads crawl`: run the spiders of a sources.yml in this process and load what they find into the warehouse."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from scrapy_project.source_types import source_types
from solar_leads.config import DEBUG_ENV, Config
from solar_leads.discovery.registry import crawl_entries as registry_entries
from solar_leads.discovery.registry import record_crawl
from solar_leads.errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL
from solar_leads.pipeline.sources import Sources
from solar_leads.progress import Ticker
from solar_leads.warehouse.connection import connect, init_warehouse


@dataclass
class CrawlSummary:
    run_id: str
    loaded: dict[str, int] = field(default_factory=dict)  # source type -> postings (or snippets) committed
    failures: dict[str, int] = field(default_factory=dict)  # failure kind -> count (each a raw.crawl_log row)
    dropped: int = 0
    not_written: dict[str, int] = field(default_factory=dict)  # raw table -> rows the warehouse refused
    write_error: str = ""
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not (self.failures or self.dropped or self.not_written or self.interrupted)

    @property
    def exit_status(self) -> int:
        """0 when every request succeeded and every row was committed; 130 when interrupted; 1 when nothing at all
        was loaded (every source failed, or the warehouse refused every write); 3 when some requests failed, items
        were dropped or rows could not be written while others loaded."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.ok:
            return EXIT_OK
        return EXIT_PARTIAL if sum(self.loaded.values()) else EXIT_FAILED

    def render(self) -> str:
        lines = [f"crawl {self.run_id}: {self.pages} responses in {self.seconds:.1f}s"]
        lines += [f"  {source:<16} {count:>6} loaded" for source, count in sorted(self.loaded.items())]
        if self.not_written:
            lost = ", ".join(f"{table} {n}" for table, n in sorted(self.not_written.items()))
            lines.append(f"  NOT LOADED: {lost} row(s) could not be written to the warehouse ({self.write_error})")
        if self.interrupted:
            lines.append(
                f"  INTERRUPTED: the {sum(self.loaded.values())} rows loaded above are kept; the crawl did not finish"
            )
        elif self.ok:
            lines.append("  every request succeeded")
        else:
            problems = []
            if self.failures:
                detail = ", ".join(f"{kind} {n}" for kind, n in sorted(self.failures.items()))
                problems.append(f"{sum(self.failures.values())} failed request(s) ({detail})")
            if self.dropped:
                problems.append(f"{self.dropped} dropped item(s)")
            if self.not_written:
                problems.append(f"{sum(self.not_written.values())} row(s) not written")
            verdict = "PARTIAL" if self.exit_status == EXIT_PARTIAL else "FAILED: nothing was loaded"
            lines.append(f"  {verdict}: {', '.join(problems)} - see raw.crawl_log")
        return "\n".join(lines)


def crawl(config: Config, sources: Sources, run_id: str, overrides: dict[str, str] | None = None) -> CrawlSummary:
    """Crawl every source with its spider (one crawler per source type); the Twisted reactor runs once."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scrapy_project.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    init_warehouse(config.warehouse)
    settings = get_project_settings()
    settings.set("LEADS_WAREHOUSE", str(config.warehouse))
    settings.set("LEADS_RUN_ID", run_id)
    settings.set("LEADS_PER_QUERY_RESULTS", config.per_query_results)
    if sources.user_agent:
        settings.set("USER_AGENT", sources.user_agent)
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(settings)
    if not os.environ.get(DEBUG_ENV):
        logging.setLogRecordFactory(_record_without_traceback)
    crawlers = []
    for kind, entries in crawl_entries(config, sources).items():
        crawler = process.create_crawler(kind)  # spiders are named after their source type
        process.crawl(crawler, entries=entries)
        crawlers.append(crawler)

    def progress(seconds: float) -> str:
        now = summarize(run_id, crawlers)
        return (
            f"  crawl: {now.pages} responses, {sum(now.loaded.values())} rows loaded, "
            f"{sum(now.failures.values())} failed, {now.dropped} dropped so far ({seconds:.0f}s)"
        )

    with Ticker(progress):
        process.start()
    summary = summarize(run_id, crawlers)
    if sources.discover is not None and not summary.interrupted:
        with connect(config.warehouse) as con:
            record_crawl(con, run_id)
    print(summary.render(), file=sys.stderr)
    return summary


def crawl_entries(config: Config, sources: Sources) -> dict[str, list[dict[str, Any]]]:
    """What to crawl, by spider: the sources.yml entries, and with a `discover:` section every board of the registry
    not retired (a board the file names too is crawled once). Keyword search runs in discovery, and the search
    endpoint is crawled here only for entries that name their searches (enrichment builds its own)."""
    entries = {kind: list(found) for kind, found in sources.entries_by_type.items() if kind != "jobsearch"}
    if not any(entry.get("searches") for entry in entries.get("searxng", [])):
        entries.pop("searxng", None)
    if sources.discover is not None:
        api_base_url = sources.discover.get("api_base_url")
        with connect(config.warehouse) as con:
            registered = registry_entries(con, api_base_url)
        for kind, boards in registered.items():
            key = source_types()[kind].key
            named = {str(entry[key]).lower() for entry in entries.get(kind, [])}
            entries.setdefault(kind, []).extend(board for board in boards if str(board[key]).lower() not in named)
    return entries


_make_record = logging.getLogRecordFactory()


def _record_without_traceback(*args, **kwargs) -> logging.LogRecord:
    """Scrapy logs some failures (a robots.txt that cannot be fetched) with a traceback; the failure is in
    raw.crawl_log and the summary, so the console gets its one line (`leads --debug` keeps the traceback)."""
    record = _make_record(*args, **kwargs)
    record.exc_info, record.exc_text = None, None
    return record


def summarize(run_id: str, crawlers) -> CrawlSummary:
    summary = CrawlSummary(run_id)
    for crawler in crawlers:
        stats = dict(crawler.stats.get_stats())
        summary.pages += stats.get("response_received_count", 0)
        summary.interrupted |= stats.get("finish_reason") == "shutdown"
        start, finish = stats.get("start_time"), stats.get("finish_time")
        if start and finish:
            summary.seconds = max(summary.seconds, (finish - start).total_seconds())
        for key, value in stats.items():
            if key.startswith("leads/postings/"):
                summary.loaded[key.rsplit("/", 1)[1]] = value
            elif key == "leads/snippets":
                summary.loaded["searxng"] = value
            elif key.startswith("leads/failures/"):
                kind = key.rsplit("/", 1)[1]
                summary.failures[kind] = summary.failures.get(kind, 0) + value
            elif key == "leads/dropped":
                summary.dropped += value
            elif key.startswith("leads/not_written/"):
                table = key.rsplit("/", 1)[1]
                summary.not_written[table] = summary.not_written.get(table, 0) + value
            elif key == "leads/write_error":
                summary.write_error = value
    return summary
