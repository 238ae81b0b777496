"""ATS board discovery through the search API: `site:` queries for solar design roles on each ATS's job-board
hosts, and the board tokens in the result URLs."""

from __future__ import annotations

from dataclasses import dataclass, field

import requests

from solar_leads.discovery.ats import board_from_url, board_hosts
from solar_leads.discovery.http import get_json


@dataclass
class QueryOutcome:
    host: str
    query: str
    attempts: int = 0
    outcome: str = "ok"
    error: str | None = None
    url: str = ""
    boards: list[tuple[str, str]] = field(default_factory=list)  # (ats, token), in result order, distinct
    malformed: list[tuple[str, str]] = field(default_factory=list)  # (url, why) of results on a board host


def site_queries(terms: tuple[str, ...]) -> list[tuple[str, str]]:
    """(host, query) for every job-board host and role term: site:boards.greenhouse.io "solar designer"."""
    return [(host, f'site:{host} "{term}"') for hosts in board_hosts().values() for host in hosts for term in terms]


def search_boards(
    session: requests.Session, endpoint: str, host: str, query: str, timeout: float, retry_wait: float = 1.0
) -> QueryOutcome:
    """Ask the SearxNG endpoint one query; every result URL on a board host names a board, or is malformed."""
    answer = get_json(
        session, f"{endpoint.rstrip('/')}/search", timeout, retry_wait=retry_wait, params={"q": query, "format": "json"}
    )
    outcome = QueryOutcome(host, query, answer.attempts, answer.outcome, answer.error, answer.url)
    if answer.outcome != "ok":
        return outcome
    results = answer.document.get("results") if isinstance(answer.document, dict) else None
    if not isinstance(results, list):
        outcome.outcome, outcome.error = "unexpected_shape", "expected a list of results in `results`"
        return outcome
    for result in results:
        url = result.get("url") if isinstance(result, dict) else None
        if not isinstance(url, str):
            outcome.malformed.append((repr(result)[:200], "a result without a URL"))
            continue
        try:
            board = board_from_url(url)
        except ValueError as exc:
            outcome.malformed.append((url[:500], str(exc)))
            continue
        if board and board not in outcome.boards:
            outcome.boards.append(board)
    return outcome
