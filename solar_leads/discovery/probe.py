"""ATS board discovery by probing: the slug forms of a company's name tried on each ATS API; a board that answers
with jobs is found."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from solar_leads.discovery.ats import jobs_in, listing_url, probed_types, slug_forms
from solar_leads.discovery.http import get_json


@dataclass
class ProbeOutcome:
    company: str
    tried: int = 0
    boards: list[tuple[str, str, int]] = field(default_factory=list)  # (ats, token, jobs)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (ats, url, error): no verdict for these


def probe_companies(
    session: requests.Session, companies: list[str], api_base_url: str | None, timeout: float, workers: int
) -> list[ProbeOutcome]:
    """Probe every company's slug forms on every ATS, `workers` requests at a time. A 404 or an empty board is a
    miss; a timeout, a refusal or an answer of another shape is a failure, kept with its URL."""
    outcomes = {company: ProbeOutcome(company) for company in companies}
    tries = [(company, ats, token) for company in companies for ats in probed_types() for token in slug_forms(company)]

    def one(attempt: tuple[str, str, str]):
        company, ats, token = attempt
        return attempt, get_json(session, listing_url(ats, token, api_base_url), timeout, retries=1)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for (company, ats, token), answer in pool.map(one, tries):
            outcome = outcomes[company]
            outcome.tried += 1
            if answer.outcome == "not_found":
                continue
            jobs = jobs_in(ats, answer.document) if answer.outcome == "ok" else None
            if answer.outcome == "ok" and jobs is None:
                outcome.failures.append((ats, answer.url, f"an answer that is not a {ats} job list"))
            elif answer.outcome != "ok":
                outcome.failures.append((ats, answer.url, f"{answer.outcome}: {answer.error}"))
            elif jobs and all((ats, token.lower()) != (a, t.lower()) for a, t, _ in outcome.boards):
                outcome.boards.append((ats, token, jobs))
    return list(outcomes.values())
