"""The five ATS job-board APIs discovery knows: where a board's jobs are, how a board token looks in a public URL,
and which token forms a company name may have."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from cleanco import basename


@dataclass(frozen=True)
class Ats:
    name: str  # the source type in sources.yml, and the spider's name
    entry_key: str  # the sources.yml key that holds the board token
    api_base: str  # the public API host; a sources.yml `api_base_url` replaces it (a mirror, a test server)
    listing: str  # the path of a board's job list, {token} filled in
    jobs_key: str | None  # where the jobs are in the answer (None: the answer is the list)


ATS_APIS = {
    ats.name: ats
    for ats in (
        Ats("greenhouse", "board", "https://boards-api.greenhouse.io", "/v1/boards/{token}/jobs", "jobs"),
        Ats("lever", "site", "https://api.lever.co", "/v0/postings/{token}?mode=json", None),
        Ats("ashby", "org", "https://api.ashbyhq.com", "/posting-api/job-board/{token}", "jobs"),
        Ats(
            "smartrecruiters", "company", "https://api.smartrecruiters.com", "/v1/companies/{token}/postings", "content"
        ),
        Ats("workable", "account", "https://apply.workable.com", "/api/v1/widget/accounts/{token}", "jobs"),
    )
}

# The public job-board hosts each ATS serves boards on, as `site:` search queries name them.
BOARD_HOSTS = {
    "greenhouse": ("boards.greenhouse.io", "job-boards.greenhouse.io"),
    "lever": ("jobs.lever.co",),
    "ashby": ("jobs.ashbyhq.com",),
    "smartrecruiters": ("jobs.smartrecruiters.com",),
    "workable": ("apply.workable.com",),
}

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%-]{0,99}")
# first path segments that are the host's own pages, never a board
_NOT_BOARDS = {"embed", "api", "v1", "v0", "j", "jobs", "search", "careers", "login", "static", "assets", "favicon.ico"}


def board_from_url(url: str) -> tuple[str, str] | None:
    """(ats, token) of a job-board URL in any of its public forms, or None when `url` is not on an ATS board host.

    Raises ValueError when the URL is on a board host but names no board (a malformed or truncated result)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    ats = _ats_of_host(host)
    if ats is None:
        return None
    token: str | None = None
    if ats == "workable" and host not in ("apply.workable.com", "www.workable.com", "workable.com"):
        token = host.split(".")[0]  # the older form: <account>.workable.com
    elif ats == "greenhouse" and segments[:1] == ["embed"]:
        token = parse_qs(parts.query).get("for", [""])[0]  # boards.greenhouse.io/embed/job_board?for=X
    elif segments and segments[0].lower() not in _NOT_BOARDS:
        token = segments[0]
    if not token or not _TOKEN.fullmatch(token):
        raise ValueError(f"a {ats} URL without a board token: {url[:200]}")
    return ats, token


def _ats_of_host(host: str) -> str | None:
    if host.endswith("greenhouse.io") and host.split(".")[0] in ("boards", "job-boards"):
        return "greenhouse"  # boards., job-boards. and the regional job-boards.eu.greenhouse.io
    if host.endswith(".lever.co") and host.split(".")[0] == "jobs":
        return "lever"  # jobs.lever.co, jobs.eu.lever.co
    if host == "jobs.ashbyhq.com":
        return "ashby"
    if host in ("jobs.smartrecruiters.com", "careers.smartrecruiters.com"):
        return "smartrecruiters"
    if host.endswith("workable.com") and host not in ("www.workable.com", "workable.com", "help.workable.com"):
        return "workable"
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
    api = ATS_APIS[ats]
    return (api_base_url or api.api_base).rstrip("/") + api.listing.format(token=token)


def jobs_in(ats: str, document: object) -> int | None:
    """How many jobs a board's listing holds, or None when the document is not a listing of that ATS."""
    key = ATS_APIS[ats].jobs_key
    jobs = document if key is None else document.get(key) if isinstance(document, dict) else None
    if not isinstance(jobs, list):
        return None
    if ats == "smartrecruiters" and isinstance(document, dict):
        return int(document.get("totalFound") or len(jobs))
    return len(jobs)
