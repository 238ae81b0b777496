"""What every source spider shares: entries from sources.yml, base URLs, decoding, and failure records."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapy_project.items import CrawlFailure, PostingItem
from scrapy_project.middlewares import RedirectRefused
from scrapy_project.source_types import SourceType
from scrapy_project.wide_net import NOT_FETCHED, worth_details
from solar_leads.pipeline.sources import OPTIONAL_KEYS, check_entry, load_sources


class SourceSpider(scrapy.Spider):
    """Base class: `entries` are this type's sources.yml entries; each may override `base_url`.

    A JSON API spider names where its job objects are (`jobs_key`, None when the document is the list) and turns
    one job into an item (`item_from`); a document or a job of an unexpected shape becomes a raw.crawl_log row
    and never costs the other jobs of the response.
    """

    source: SourceType  # the type's definition (its module's SOURCE)
    jobs_key: str | None = "jobs"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "source" in cls.__dict__:
            cls.name = cls.source.name  # Scrapy finds a spider by its name: the source type's

    def __init__(self, entries: list[dict[str, Any]] | str | None = None, sources: str | None = None, **kwargs):
        """`leads crawl` passes this type's sources.yml entries. From `scrapy crawl` (or Scrapyd) the arguments arrive
        as strings: `-a sources=FILE` (this type's entries of a sources.yml), `-a entries='[{...}]'` (JSON), or one
        entry's keys (`-a board=sunrun -a base_url=... -a company=...`; searxng takes `-a searches='[{...}]'`)."""
        keys = (self.source.key, *self.source.also_required, *self.source.extra_keys, *OPTIONAL_KEYS)
        entry = {key: kwargs.pop(key) for key in list(kwargs) if key in keys}
        super().__init__(**kwargs)
        self.entries = self._entries(entries, sources, entry)

    def _entries(self, entries, sources: str | None, entry: dict[str, Any]) -> list[dict[str, Any]]:
        if isinstance(entries, str):
            entries = json.loads(entries)
        if entries is not None:
            return list(entries)
        if sources:
            return load_sources(Path(sources)).entries_by_type.get(self.name or "", [])
        if not entry:
            return []
        if isinstance(entry.get("searches"), str):
            entry["searches"] = json.loads(entry["searches"])
        arguments = " ".join(f"-a {key}=..." for key in entry)
        return [check_entry(self.name or "", entry, f"scrapy crawl {self.name} {arguments}")]

    def source_key(self, entry: dict[str, Any] | None) -> str | None:
        """The board / page an entry names, as `<type>:<token>` (greenhouse:sunrun)."""
        if not entry or not all(entry.get(key) for key in (self.source.key, *self.source.also_required)):
            return None
        return f"{self.name}:{self.source.token(entry)}"

    def base_url(self, entry: dict[str, Any]) -> str:
        return self.source.origin(entry)

    list_query = ""  # what the crawl adds to the job list's URL (not the slug probe), e.g. content=true

    def requests_for(self, entry: dict[str, Any]) -> Iterable[scrapy.Request]:
        """One request for the board's job list (its source type's `listing`), read by parse_list."""
        url = self.source.listing_url(entry)
        if self.list_query:
            url += ("&" if "?" in url else "?") + self.list_query
        yield self.request(url, self.parse_list, entry, page="list")

    def parse_list(self, response: Response, entry: dict[str, Any]):
        """Callback for the job list: JSON unless the type says otherwise."""
        yield from self.parse_json(response, entry)

    async def start(self):
        for entry in self.entries:
            for request in self.requests_for(entry):
                yield request

    def request(self, url: str, callback, entry: dict[str, Any], **meta) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.failed, cb_kwargs={"entry": entry}, meta=meta)

    def failed(self, failure: Failure):
        """Errback: every request that failed for good becomes a CrawlFailure row in raw.crawl_log."""
        request = failure.request  # type: ignore[attr-defined]  # Scrapy sets it on errback failures
        status = None
        kind = "request_failed"
        message = failure.getErrorMessage()
        if failure.check(DownloadCancelledError) or "larger than download max size" in message:
            kind = "body_too_large"
            limit = self.settings.getint("DOWNLOAD_MAXSIZE")
            message = (
                f"the body is larger than DOWNLOAD_MAXSIZE ({limit} bytes) and was refused: raise the limit "
                f"with --set DOWNLOAD_MAXSIZE=<bytes> ({message})"
            )
        elif failure.check(HttpError):
            status = failure.value.response.status  # type: ignore[union-attr]  # an HttpError has its response
            kind = "http_error"
        elif failure.check(RedirectRefused):
            kind = "redirect_refused"
        elif failure.check(IgnoreRequest) and "robots" in str(failure.value).lower():
            kind = "robots_disallowed"
        yield CrawlFailure(
            source=self.name,
            url=request.url,
            status=status,
            retries=request.meta.get("retry_times", 0),
            error=f"{getattr(failure.type, '__name__', 'Error')}: {message}"[:500],
            kind=kind,
            source_key=self.source_key(request.cb_kwargs.get("entry")),
        )

    def decode(self, response: Response) -> tuple[str | None, CrawlFailure | None]:
        """The body as text: UTF-8, or the charset the server declares; anything else is a decode failure."""
        try:
            return response.body.decode("utf-8"), None
        except UnicodeDecodeError:
            declared = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
            if "charset=" in declared:
                charset = declared.split("charset=")[-1].split(";")[0].strip()
                try:
                    return response.body.decode(charset), None
                except (LookupError, UnicodeDecodeError):
                    pass
        return None, self.failure(response, "decode_error", "body is not valid UTF-8 and declares no usable charset")

    def parse_json(self, response: Response, entry: dict[str, Any]):
        """Callback for JSON APIs: the document's items (self.items_from), or the failure to decode or parse it."""
        data, failure = self.load_json(response)
        if failure:
            yield failure
            return
        yield from self.items_from(data, entry, response)

    def items_from(self, data: Any, entry: dict[str, Any], response: Response) -> Iterable:
        """Every job of the document as an item; a job that is not an object, or that its spider cannot read, is
        logged as bad_item, and a document without a list where the jobs should be as unexpected_shape."""
        jobs = data if self.jobs_key is None else data.get(self.jobs_key) if isinstance(data, dict) else None
        where = self.jobs_key or "the document"
        if not isinstance(jobs, list):
            found = type(jobs if isinstance(data, dict) else data).__name__
            yield self.failure(response, "unexpected_shape", f"expected a list of jobs in {where}, found {found}")
            return
        read: list[tuple[int, Any]] = []
        for position, job in enumerate(jobs):
            if not isinstance(job, dict):
                yield self.failure(response, "bad_item", f"{where}[{position}] is {type(job).__name__}, not an object")
                continue
            try:
                item = self.item_from(job, entry, response, data)
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                yield self.failure(response, "bad_item", f"{where}[{position}]: {type(exc).__name__}: {exc}"[:500])
                continue
            if item is not None:
                read.append((position, item))
        yield from self.keyed(read, where, response)

    def keyed(self, read: list[tuple[int, Any]], where: str, response: Response) -> Iterable:
        """The items of one answer, each with an id of its own: a job the source gives no id is keyed by its URL when
        no other id-less job of the answer shares it, else logged as bad_item (never merged into one posting)."""
        idless = [item.url for _, item in read if isinstance(item, PostingItem) and not item.external_id]
        for position, item in read:
            if isinstance(item, PostingItem) and not item.external_id:
                if not item.url or idless.count(item.url) > 1:
                    shared = f"its URL is shared by {idless.count(item.url)} jobs without one" if item.url else "no URL"
                    yield self.failure(response, "bad_item", f"{where}[{position}] has no id, and {shared}")
                    continue
                item.external_id = f"url:{item.url}"
            yield item

    def item_from(self, job: dict[str, Any], entry: dict[str, Any], response: Response, document: Any) -> Any:
        """One job object as a PostingItem (or SnippetItem); None skips it (an unlisted job)."""
        raise NotImplementedError

    def listed(self, row: PostingItem, detail: scrapy.Request | None) -> PostingItem | scrapy.Request:
        """A job a list names, as the request for its details when its title passes the wide net
        (scrapy_project.wide_net), else as its row from the list alone, marked as such."""
        if detail is not None and worth_details(row.title):
            return detail
        row.payload = {**row.payload, "detail": NOT_FETCHED}
        return row

    def load_json(self, response: Response) -> tuple[Any, CrawlFailure | None]:
        text, failure = self.decode(response)
        if failure or text is None:
            return None, failure
        try:
            return json.loads(text), None
        except ValueError as exc:
            return None, self.failure(response, "parse_error", f"malformed JSON: {exc}")
        except RecursionError:
            return None, self.failure(response, "parse_error", "JSON nested too deeply to read")

    def rebase(self, url: str, entry: dict[str, Any]) -> str:
        """`url` (an absolute API URL the response links to) on this entry's base URL, so a crawl pointed at a
        mirror or a test server keeps following its links there."""
        parts = urlsplit(url)
        if not parts.scheme:
            return f"{self.base_url(entry)}/{url.lstrip('/')}"
        base = urlsplit(self.base_url(entry))
        return urlunsplit((base.scheme, base.netloc, base.path.rstrip("/") + parts.path, parts.query, ""))

    def failure(self, response: Response, kind: str, error: str) -> CrawlFailure:
        entry = response.request.cb_kwargs.get("entry") if response.request is not None else None
        return CrawlFailure(
            source=self.name,
            url=response.url,
            status=response.status,
            error=error,
            kind=kind,
            retries=response.meta.get("retry_times", 0),
            source_key=self.source_key(entry),
        )


# first path segments that are a job-board host's own pages, never a board
NOT_BOARDS = {"embed", "api", "v1", "v0", "j", "jobs", "search", "careers", "login", "static", "assets", "favicon.ico"}


def first_segment(segments: list[str]) -> str:
    """The board token most job-board hosts put first in the path ("" when the path has none)."""
    return segments[0] if segments and segments[0].lower() not in NOT_BOARDS else ""


def source_id(value: Any) -> str:
    """A job's id as the source gives it, as text; "" when it gives none (null, missing or blank)."""
    return "" if value is None else str(value).strip()


def with_detail(listed: PostingItem, payload: Any, **found: Any) -> PostingItem:
    """A job its list named, completed by its detail: each value the detail gives replaces the list's (the source,
    board and id stay the list's)."""
    return dataclasses.replace(listed, payload=payload, **{name: value for name, value in found.items() if value})
