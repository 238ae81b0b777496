"""Item pipelines: validate and clean items, then append them to the DuckDB warehouse in batches."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
from scrapy import signals
from scrapy.exceptions import DropItem

from scrapy_project.items import CrawlFailure, PostingItem, SnippetItem
from scrapy_project.text import html_to_text
from scrapy_project.wide_net import NONE_GIVEN, NOT_FETCHED
from solar_leads.errors import UserError
from solar_leads.warehouse.loader import append_rows, crawl_log_row
from solar_leads.warehouse.lock import warehouse_lock
from solar_leads.warehouse.run_id import finish_run, start_run
from solar_leads.warehouse.schema import migrate

logger = logging.getLogger(__name__)
REQUIRED_POSTING_FIELDS = ("source", "external_id", "title", "company", "url", "description")


def _fields(item) -> dict:
    """An item's fields as a flat dict (dataclasses.asdict deep-copies the payload: half of the loader's time)."""
    return {field.name: getattr(item, field.name) for field in dataclasses.fields(item)}


class ValidationPipeline:
    """Cleans text fields (HTML to text) and drops an item missing a required field or holding a field that is not
    text; a dropped item is logged in raw.crawl_log with its reason."""

    def process_item(self, item, spider=None):
        try:
            return self._clean(item)
        except (TypeError, ValueError) as exc:
            raise DropItem(f"unreadable field: {exc}") from None

    def _clean(self, item):
        if isinstance(item, PostingItem):
            item.title = html_to_text(item.title) or None
            item.company = html_to_text(item.company) or None
            item.description = html_to_text(item.description) or None
            item.location = html_to_text(item.location) or None
            if item.posted_at is not None and not isinstance(item.posted_at, str):
                item.posted_at = str(item.posted_at)
            listed_only = item.payload.get("detail") in (NOT_FETCHED, NONE_GIVEN)  # scrapy_project.wide_net: no text
            if listed_only and not item.description:
                item.description = ""
            required = [name for name in REQUIRED_POSTING_FIELDS if not (listed_only and name == "description")]
            missing = [name for name in required if not getattr(item, name)]
            if missing:
                raise DropItem(f"missing {', '.join(missing)}")
        elif isinstance(item, SnippetItem):
            item.title = html_to_text(item.title) or None
            item.content = html_to_text(item.content) or None
            if not item.url or not item.query:
                raise DropItem("missing url or query")
        return item


class WarehouseWriter:
    """One DuckDB connection per warehouse file, shared by every spider of the crawl process."""

    _open: dict[Path, WarehouseWriter] = {}

    def __init__(self, path: Path):
        self.path = path
        self.lock = contextlib.ExitStack()  # the warehouse lock, when no `leads` parent holds it (scrapy crawl)
        self.lock.enter_context(warehouse_lock(path, "scrapy crawl"))
        try:
            self.con = duckdb.connect(str(path))
            migrate(self.con)
        except BaseException:
            self.lock.close()
            raise
        self.users = 0

    @classmethod
    def acquire(cls, path: Path) -> WarehouseWriter:
        writer = cls._open.get(path) or cls._open.setdefault(path, cls(path))
        writer.users += 1
        return writer

    def release(self) -> None:
        self.users -= 1
        if self.users == 0:
            with contextlib.suppress(duckdb.Error):
                self.con.close()
            del self.con  # nothing may hold a DuckDB object when the interpreter exits
            del self._open[self.path]
            self.lock.close()

    def append(self, table: str, rows: list[dict]) -> None:
        append_rows(self.con, table, rows)


class DuckDBPipeline:
    """Buffers rows per raw table and appends them in batches; records dropped items in raw.crawl_log.

    The loaded counts (leads/postings/<source>, leads/snippets) are incremented when a batch is committed, so the
    summary prints rows that are in the warehouse; rows the warehouse refuses (a full disk, a lost file) are
    counted in leads/not_written/<table> with the error in leads/write_error, and the crawl does not report success.
    """

    def __init__(self, warehouse: Path, run_id: str | None, batch_size: int, stats):
        self.warehouse, self.run_id, self.batch_size, self.stats = warehouse, run_id, batch_size, stats
        # per raw table: (row, the stat counting it once committed)
        self.buffers: dict[str, list[tuple[dict, str | None]]] = {"postings": [], "snippets": [], "crawl_log": []}
        self.writer: WarehouseWriter | None = None
        self.own_run = False

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        pipeline = cls(
            Path(settings["LEADS_WAREHOUSE"]).resolve(),
            settings.get("LEADS_RUN_ID"),
            settings.getint("DUCKDB_BATCH_SIZE"),
            crawler.stats,
        )
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def open_spider(self, spider=None):
        try:
            self.writer = WarehouseWriter.acquire(self.warehouse)
        except (duckdb.Error, UserError) as exc:
            self._write_failed(str(exc))
            if isinstance(exc, UserError):
                raise  # another writer holds the warehouse: this crawl cannot run
            return
        if self.run_id is None:  # a plain `scrapy crawl`: it is a run of its own
            self.own_run = True
            self.run_id = start_run(self.writer.con, "scrapy crawl", None, is_demo=False)

    def close_spider(self, spider=None):
        for table in self.buffers:
            self._flush(table)
        if self.writer is not None and self.own_run:
            failed = any(key.startswith(("leads/failures/", "leads/not_written/")) for key in self.stats.get_stats())
            with contextlib.suppress(duckdb.Error):
                finish_run(self.writer.con, str(self.run_id), "partial" if failed else "ok")
        if self.writer is not None:
            self.writer.release()
            self.writer = None

    def process_item(self, item, spider=None):
        now = datetime.now(UTC).replace(tzinfo=None)
        if isinstance(item, PostingItem):
            row = _fields(item)
            row["payload"] = json.dumps(item.payload, ensure_ascii=False, default=str)
            self._add("postings", {**row, "run_id": self.run_id, "scraped_at": now}, f"leads/postings/{item.source}")
        elif isinstance(item, SnippetItem):
            row = {**_fields(item), "host": urlsplit(item.url).hostname or ""}
            self._add("snippets", {**row, "run_id": self.run_id, "scraped_at": now}, "leads/snippets")
        elif isinstance(item, CrawlFailure):
            self._log(item.kind, item.source, item.url, item.status, item.error, item.retries, None, item.source_key)
            self.stats.inc_value(f"leads/failures/{item.kind}")
        return item

    def item_dropped(self, item, response, exception, spider=None):
        source = getattr(item, "source", "searxng")
        url = getattr(item, "url", None)
        self._log("item_dropped", source, url, None, None, 0, str(exception), getattr(item, "source_key", None))
        self.stats.inc_value("leads/dropped")

    def _log(self, kind, source, url, status, error, retries, reason, source_key) -> None:
        row = crawl_log_row(
            kind, source, url, status=status, error=error, retries=retries, reason=reason, source_key=source_key
        )
        self._add("crawl_log", {**row, "run_id": self.run_id}, None)

    def _add(self, table: str, row: dict, stat: str | None) -> None:
        self.buffers[table].append((row, stat))
        if len(self.buffers[table]) >= self.batch_size:
            self._flush(table)

    def _flush(self, table: str) -> None:
        batch, self.buffers[table] = self.buffers[table], []
        if not batch:
            return
        try:
            if self.writer is None:
                raise duckdb.IOException("the warehouse could not be opened for writing")
            self.writer.append(table, [row for row, _ in batch])
        except (duckdb.Error, OSError) as exc:
            self.stats.inc_value(f"leads/not_written/{table}", len(batch))
            self._write_failed(str(exc))
            return
        for _, stat in batch:
            if stat:
                self.stats.inc_value(stat)

    def _write_failed(self, error: str) -> None:
        first = error.strip().splitlines()[0] if error.strip() else "unknown error"
        if not self.stats.get_value("leads/write_error"):
            self.stats.set_value("leads/write_error", first[:300])
            logger.error("cannot write to the warehouse %s: %s", self.warehouse, first)
