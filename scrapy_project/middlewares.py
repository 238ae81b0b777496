"""Downloader middlewares: retries with exponential backoff, robots.txt obeyed by every waiting request, and
redirects kept to the source's own site."""

from __future__ import annotations

import asyncio
import ipaddress
from functools import cache
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
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


class RedirectRefused(IgnoreRequest):
    """A redirect the request policy does not follow, or a chain that loops or runs past REDIRECT_MAX_TIMES; the
    request's errback logs it (raw.crawl_log kind redirect_refused)."""


class HomeRedirectMiddleware(RedirectMiddleware):
    """Redirects stay home. A redirect is followed only to http(s), and only to the source's own site: the same
    origin (scheme, host and port) for an entry with a base_url, else the same registrable domain (www.acme.com ->
    careers.acme.com, not evil.net); never to a private, loopback, link-local or metadata address the chain did not
    start on. A refused redirect, a loop and a chain past REDIRECT_MAX_TIMES are failures of the request, logged,
    never dropped by the duplicate filter."""

    def _redirect(self, redirected: Request, request: Request, reason) -> Request:
        home = (request.meta.get("redirect_urls") or [request.url])[0]
        refusal = redirect_refusal(home, redirected.url, same_origin="base_url" in request.cb_kwargs.get("entry", {}))
        if refusal:
            raise RedirectRefused(f"redirect from {request.url} to {redirected.url[:300]} refused: {refusal}")
        try:
            followed = super()._redirect(redirected, request, reason)
        except IgnoreRequest:
            chain = len(request.meta.get("redirect_urls", [])) + 1
            raise RedirectRefused(f"{chain} redirects from {home} (a loop, or past REDIRECT_MAX_TIMES)") from None
        followed.dont_filter = True  # a loop ends at the redirect limit, logged, not in the duplicate filter
        return followed


def redirect_refusal(home: str, target: str, same_origin: bool) -> str | None:
    """Why a redirect from a chain that started at `home` to `target` is not followed, or None."""
    start, end = urlsplit(home), urlsplit(target)
    if end.scheme not in ("http", "https"):
        return f"{end.scheme or 'no'} scheme, not http(s)"
    if same_origin:
        if (start.scheme, start.hostname, start.port) != (end.scheme, end.hostname, end.port):
            return "another origin than the source's base_url"
        return None
    if _is_internal(end.hostname or "") and end.hostname != start.hostname:
        return "a private, loopback, link-local or metadata address"
    if _registrable(end.hostname or "") != _registrable(start.hostname or ""):
        return "another site than the source's"
    return None


def _is_internal(host: str) -> bool:
    if host == "localhost" or host.endswith((".localhost", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global


@cache
def _registrable(host: str) -> str:
    """The registrable domain (acme.co.uk), from the public suffix list bundled with tldextract (no download)."""

    parts = _extract()(host)
    return parts.top_domain_under_public_suffix if parts.suffix else host


@cache
def _extract():
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
