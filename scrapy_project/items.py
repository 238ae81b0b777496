"""Crawl items: what the spiders yield and the pipelines validate and load."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PostingItem:
    source: str  # greenhouse, lever, ashby, smartrecruiters, workable, jobposting
    source_key: str  # the board / site / page the posting came from, e.g. greenhouse:sunrun
    external_id: str
    url: str
    title: str | None
    company: str | None
    description: str | None
    location: str | None = None
    posted_at: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass
class SnippetItem:
    query: str
    rank: int
    url: str
    title: str | None
    content: str | None
    company: str | None = None
    field: str | None = None


@dataclass
class CrawlFailure:
    """A request that failed for good (after retries) or a response that could not be used."""

    source: str
    url: str
    error: str
    status: int | None = None
    retries: int = 0
    kind: str = "request_failed"
    source_key: str | None = None  # the board / page the request was for, e.g. greenhouse:sunrun
