"""Discovery's view of the source types (scrapy_project.source_types): their job-board hosts, the board a URL
names, their slug probes, and which token forms a company name may have."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from cleanco import basename

from scrapy_project.source_types import source_types

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%-]{0,99}")


def probed_types() -> list[str]:
    """The source types with a public job listing a slug probe can ask for a board."""
    return [name for name, kind in source_types().items() if kind.listing and kind.jobs_in]


def board_hosts() -> dict[str, tuple[str, ...]]:
    """Each source type's job-board hosts, as `site:` search queries name them."""
    return {name: kind.board_hosts for name, kind in source_types().items() if kind.board_hosts}


def board_from_url(url: str) -> tuple[str, str] | None:
    """(type, token) of a job-board URL in any of its public forms, or None when `url` is on no board host.

    Raises ValueError when the URL is on a board host but names no board (a malformed or truncated result)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    for name, kind in source_types().items():
        token = kind.board_in_url(host, segments, query) if kind.board_in_url else None
        if token is None:
            continue
        if not _TOKEN.fullmatch(token):
            raise ValueError(f"a {name} URL without a board token: {url[:200]}")
        return name, token
    return None


def slug_forms(company: str) -> list[str]:
    """The board tokens a company is likely to use: its name without legal terms, as lowercase words joined
    (acmesolar), hyphenated (acme-solar), and in CamelCase (AcmeSolar, which SmartRecruiters ids use)."""
    name = basename(company) or company
    words = re.findall(r"[a-z0-9]+", name.lower().replace("&", " and "))
    if not words:
        return []
    forms = ["".join(words), "-".join(words), "".join(word.capitalize() for word in words)]
    return list(dict.fromkeys(forms))


def listing_url(ats: str, token: str, api_base_url: str | None = None) -> str:
    kind = source_types()[ats]
    entry = kind.entry(token)
    return kind.listing_url({**entry, "base_url": api_base_url} if api_base_url else entry)


def jobs_in(ats: str, document: object) -> int | None:
    """How many jobs a board's listing holds, or None when the document is not a listing of that type."""
    count = source_types()[ats].jobs_in
    return count(document) if count else None
