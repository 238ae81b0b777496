"""Keyword search on job boards with python-jobspy: one site and one term at a time, each retried on its own, so
one site that blocks does not stop the others. Every job found becomes a raw.postings row (source
`jobsearch:<site>`); every search, a raw.discovery_log row; every search that failed for good, and every job
python-jobspy skipped, a raw.crawl_log row with its site and term."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from jobspy.indeed import Indeed
from jobspy.linkedin import LinkedIn
from jobspy.model import DescriptionFormat, JobPost, ScraperInput, Site

from scrapy_project.text import html_to_text
from solar_leads.discovery.settings import JobSearch

# python-jobspy keeps each site's endpoints in class attributes: a `base_url` points them at a mirror or test server
ENDPOINTS = {"indeed": (Indeed, "api_url", "/graphql"), "linkedin": (LinkedIn, "base_url", "")}


@dataclass
class SearchOutcome:
    """One site and term: how it went, the postings rows it found and the failures to log."""

    site: str
    term: str
    attempts: int = 0
    outcome: str = "ok"  # ok, blocked, unexpected_shape, failed
    error: str | None = None
    postings: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # jobs python-jobspy could not read, with its reason


def classify(error: str) -> str:
    """python-jobspy reports a failure as a message: 403 / 429 are a block; a document without the jobs where they
    should be (a GraphQL error, a page without job cards, a model that does not validate) is a changed shape."""
    lowered = error.lower()
    if "status code 403" in lowered or "status code 429" in lowered:
        return "blocked"
    if "api error" in lowered or "no jobs" in lowered or "validation error" in lowered:
        return "unexpected_shape"
    return "failed"


@contextlib.contextmanager
def endpoints_at(base_url: str | None) -> Iterator[None]:
    """Point python-jobspy's Indeed and LinkedIn endpoints at `base_url` for the block (then restore them)."""
    if not base_url:
        yield
        return
    saved = {site: getattr(cls, attribute) for site, (cls, attribute, _) in ENDPOINTS.items()}
    try:
        for cls, attribute, path in ENDPOINTS.values():
            setattr(cls, attribute, base_url.rstrip("/") + path)
        yield
    finally:
        for site, (cls, attribute, _) in ENDPOINTS.items():
            setattr(cls, attribute, saved[site])


class _SkippedJobs(logging.Handler):
    """Collects python-jobspy's "skipping job" warnings: a job it could not read is a lost item, and is logged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("skipping job"):
            self.messages.append(message)


def search(site: str, term: str, config: JobSearch, user_agent: str | None) -> SearchOutcome:
    """Search one site for one term, retrying a failed search (with a growing wait) up to config.retries times.
    A search that found jobs and then failed on a later page keeps its jobs and reports the failure."""
    from jobspy import SCRAPER_MAPPING

    outcome = SearchOutcome(site, term)
    scraper_input = ScraperInput.model_validate(
        {
            "site_name": [site],
            "search_term": term,
            "location": config.location,
            "results_wanted": config.results_per_term,
            "hours_old": config.hours_old,
            "country_indeed": config.country,
            "description_format": DescriptionFormat.HTML,
            "fetch_description": True,
            "user_agent": user_agent,
            "verbose": 0,
        }
    )
    logger = logging.getLogger("jobspy")
    skipped = _SkippedJobs()
    logger.addHandler(skipped)
    previous = logger.propagate, logger.level
    logger.propagate, logger.level = False, logging.WARNING  # python-jobspy's messages become log rows, not noise
    try:
        for attempt in range(config.retries + 1):
            if attempt:
                time.sleep(config.retry_wait * attempt)
            outcome.attempts = attempt + 1
            skipped.messages.clear()
            scraper = SCRAPER_MAPPING[Site(site)]()
            try:
                jobs = scraper.scrape(scraper_input)
                error = scraper.error
            except Exception as exc:  # a site scraper that raises instead of reporting is a failed search too
                jobs, error = [], f"{type(exc).__name__}: {exc}"
            if jobs or not error:
                break
    finally:
        logger.removeHandler(skipped)
        logger.propagate, logger.level = previous
    now = datetime.now(UTC).replace(tzinfo=None)
    outcome.postings = [posting_row(site, term, job, now) for job in first_of_each(jobs)]
    outcome.skipped = list(skipped.messages)
    if error:
        outcome.outcome, outcome.error = classify(error), error[:500]
    return outcome


def first_of_each(jobs: list[JobPost]) -> list[JobPost]:
    """The jobs in order, each id once: a job a site lists twice in one answer is one sighting (marts.postings
    names a sighting by its job id and scraped_at)."""
    seen: set[str] = set()
    unique = []
    for job in jobs:
        key = job.id or job.job_url
        if key not in seen:
            seen.add(key)
            unique.append(job)
    return unique


def posting_row(site: str, term: str, job: JobPost, scraped_at: datetime) -> dict[str, Any]:
    """A raw.postings row: the site's job id and URL, clean text, and python-jobspy's whole record as payload."""
    record = job.model_dump(mode="json")
    location = job.location
    place = ", ".join(part for part in (location.city, location.state) if part) if location else ""
    if location and not place:
        place = location.display_location()
    return {
        "source": f"jobsearch:{site}",
        "source_key": f"jobsearch:{site}",
        "external_id": job.id or job.job_url,
        "url": job.job_url,
        "scraped_at": scraped_at,
        "title": html_to_text(job.title) or None,
        "company": html_to_text(job.company) or "",
        "location": place or None,
        "description": html_to_text(job.description) or "",
        "posted_at": job.date_posted.isoformat() if job.date_posted else None,
        "payload": {**record, "search_term": term},
    }
