"""What a source type is, and the registry of every one.

A source type is defined once, in its module under scrapy_project/spiders/ (`SOURCE = SourceType(...)` beside its
spider): the sources.yml key that names a board and the other keys it takes, the production origin of its requests,
its job-board hosts (for `site:` board search) and how a board token reads out of any of its URLs, its slug probe
(where it has a public listing), and the hosts its job URLs are on. Validation (solar_leads.pipeline.sources),
discovery (solar_leads.discovery), the crawl and the README's source table read it from here; adding a type is one
module plus its tests.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

# (host, path segments, query) of a URL -> the board token, None when the host is not this type's, "" when it is
# but the URL names no board
BoardInUrl = Callable[[str, list[str], dict[str, list[str]]], str | None]


@dataclass(frozen=True)
class SourceType:
    name: str  # the `type:` in sources.yml, the spider's name, raw.postings.source
    key: str  # the sources.yml key that names the board (its token)
    summary: str  # one line for the README's source table
    # the production origin of its requests, the entry's keys filled in ({company}.recruitee.com); a sources.yml
    # `base_url` replaces it (scheme, host and port: the path stays as in production)
    api_base: str = ""
    also_required: tuple[str, ...] = ()  # more keys an entry must have (Workday's site and wd)
    extra_keys: tuple[str, ...] = ()  # other keys it takes (besides base_url and company)
    board_hosts: tuple[str, ...] = ()  # the job-board hosts `site:` board search asks about
    board_in_url: BoardInUrl | None = None
    # the path of a board's job list ({token} and the entry's keys filled in): the crawl asks it, and where jobs_in
    # reads it, so does the slug probe
    listing: str | None = None
    jobs_in: Callable[[Any], int | None] | None = None  # slug probe: the jobs a listing holds, None: not a listing
    job_hosts: tuple[str, ...] = ()  # hosts its job URLs are on (never a company's own site)

    def token(self, entry: dict[str, Any]) -> str:
        """The board an entry names, as one token (raw.boards.token; `<type>:<token>` is its source_key): the key's
        value, and for a type of several keys each of them, joined by dots (workday: tenant.wd5.site)."""
        return ".".join(str(entry[key]) for key in (self.key, *self.also_required))

    def entry(self, token: str, company: str | None = None) -> dict[str, Any]:
        """A sources.yml entry for one of its boards (as the registry crawls it): `token` read back into keys."""
        keys = (self.key, *self.also_required)
        values = token.split(".", len(keys) - 1) if len(keys) > 1 else [token]
        entry: dict[str, Any] = dict(zip(keys, values, strict=True))
        if company and self.key != "company":
            entry["company"] = company
        return entry

    def listing_url(self, entry: dict[str, Any]) -> str:
        """The URL of the entry's job list, on its base_url when it has one."""
        return self.origin(entry) + str(self.listing).format(token=self.token(entry), **entry)

    def origin(self, entry: dict[str, Any]) -> str:
        """Scheme and host of the entry's requests: its base_url, or the production origin."""
        return str(entry.get("base_url") or self.api_base.format(**entry)).rstrip("/")


def tenant_hosted(domain: str) -> dict[str, Any]:
    """The SourceType fields of a service whose every tenant has its own host, <token>.<domain>: the origin of its
    requests, its board host for `site:` search, the token in its URLs, and the host of its job URLs."""
    return {
        "api_base": f"https://{{company}}.{domain}",
        "board_hosts": (domain,),
        "board_in_url": tenant_subdomain(domain),
        "job_hosts": (domain,),
    }


def tenant_subdomain(
    domain: str, reserved: tuple[str, ...] = ("www", "app", "api", "help", "support", "blog")
) -> BoardInUrl:
    """board_in_url for a type whose boards are subdomains of one domain (<token>.bamboohr.com); the service's own
    subdomains (www., api., ...) name no board."""

    def board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
        labels = host.split(".")
        if not host.endswith("." + domain) or len(labels) != domain.count(".") + 2:
            return None
        return "" if labels[0] in reserved else labels[0]

    return board


def jobs_under(key: str | None) -> Callable[[Any], int | None]:
    """jobs_in for a listing whose jobs are the list under `key` (None: the document is the list)."""

    def count(document: Any) -> int | None:
        jobs = document if key is None else document.get(key) if isinstance(document, dict) else None
        return len(jobs) if isinstance(jobs, list) else None

    return count


@cache
def source_types() -> dict[str, SourceType]:
    """Every source type, from the SOURCE of each module in scrapy_project/spiders, by name."""
    import scrapy_project.spiders as package

    found = {}
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        source = getattr(module, "SOURCE", None)
        if isinstance(source, SourceType):
            found[source.name] = source
    return dict(sorted(found.items()))
