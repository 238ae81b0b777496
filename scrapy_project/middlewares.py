"""Downloader middlewares: retries with exponential backoff, and robots.txt obeyed by every waiting request."""

from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class BackoffRetryMiddleware(RetryMiddleware):
    """Waits RETRY_BACKOFF_BASE * 2**(attempt - 1) seconds (capped at RETRY_BACKOFF_MAX) before each retry."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX")

    def _delay(self, retry: Request, response: Response | None) -> float:
        attempt = retry.meta.get("retry_times", 1)
        delay = self.backoff_base * 2 ** (attempt - 1)
        header = response.headers.get("Retry-After") if response is not None else None
        if header and header.strip().isdigit():
            delay = max(delay, float(header.strip()))
        return min(delay, self.backoff_max)

    async def process_response(  # type: ignore[override]  # Scrapy awaits coroutine middleware methods
        self, request: Request, response: Response, spider=None
    ) -> Request | Response:
        outcome = super().process_response(request, response)
        if isinstance(outcome, Request):
            await asyncio.sleep(self._delay(outcome, response))
        return outcome

    async def process_exception(self, request: Request, exception: Exception, spider=None):  # type: ignore[override]
        outcome = super().process_exception(request, exception)
        if isinstance(outcome, Request):
            await asyncio.sleep(self._delay(outcome, None))
        return outcome


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware whose waiting requests all get the parsed robots.txt.

    In Scrapy 2.13+ (scrapy/scrapy#6802) requests that wait for a robots.txt still being fetched await one shared
    Deferred; only the first waiter receives the parser, the others receive None, which means "allow everything".
    With three or more start requests to a host, a Disallow was ignored. The stock middleware stores the finished
    parser in self._parsers before firing the Deferred, so reading it from there gives every waiter the parser.
    """

    async def robot_parser(self, request: Request):
        parser = await super().robot_parser(request)
        stored = self._parsers.get(urlparse_cached(request).netloc)
        return stored if stored is not None and not isinstance(stored, Deferred) else parser


class CallbackFailureMiddleware:
    """Spider middleware: an exception raised while a callback reads a response becomes a raw.crawl_log row
    (parse_error) instead of a console traceback, so the crawl counts it and never reports success."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception, spider=None):
        from scrapy_project.items import CrawlFailure

        source = getattr(self.crawler.spider, "name", None) or "unknown"
        return [
            CrawlFailure(
                source=source,
                url=response.url,
                status=response.status,
                kind="parse_error",
                error=f"{type(exception).__name__}: {exception}"[:500],
                retries=response.meta.get("retry_times", 0),
            )
        ]
