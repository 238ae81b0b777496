"""What a sources.yml asks discovery to do: its `jobsearch` entries and its `discover:` section, with defaults,
checked before any request (a UserError names the entry and the value)."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from solar_leads.config import PROJECT_DIR
from solar_leads.errors import UserError

SEEDS = PROJECT_DIR / "dbt" / "seeds"
JOBSEARCH_TERMS = SEEDS / "jobsearch_terms.csv"  # the wide net of role terms (the original scraper's design)
BOARD_SEARCH_TERMS = SEEDS / "board_search_terms.csv"  # the roles a `site:` query on a board host asks for
# the job sites python-jobspy searches that a jobsearch entry may name
JOB_SITES = ("indeed", "linkedin", "zip_recruiter", "glassdoor", "google")
# the sites whose endpoints a `base_url` can point at a mirror or a test server (python-jobspy's class attributes)
REBASABLE_SITES = ("indeed", "linkedin")


@dataclass(frozen=True)
class JobSearch:
    sites: tuple[str, ...]
    terms: tuple[str, ...]
    location: str | None = None
    results_per_term: int = 25
    hours_old: int | None = 72
    country: str = "usa"
    retries: int = 2
    retry_wait: float = 5.0
    base_url: str | None = None


@dataclass(frozen=True)
class DiscoverySettings:
    search: bool = True  # site: queries on the ATS board hosts, through the sources' searxng endpoint
    probe: bool = True  # slug probes of every company keyword search (or the companies file) names
    companies: tuple[str, ...] = ()
    api_base_url: str | None = None  # probe and crawl every ATS here instead of its public API
    terms: tuple[str, ...] = ()
    probe_timeout: float = 10.0
    probe_workers: int = 4
    known_boards: bool = False  # register the shipped boards of known solar employers (data/boards/) first


def read_terms(value: Any, where: str, relative_to: Path, default: Path) -> tuple[str, ...]:
    """Terms given as a list, or as a file: a CSV with a `term` column, or one term per line."""
    if value is None:
        value = str(default)
    if isinstance(value, list):
        terms = [str(term).strip() for term in value]
    elif isinstance(value, str):
        path = Path(value) if Path(value).is_absolute() else relative_to / value
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise UserError(f"{where}: cannot read the terms file {path}: {reason}") from None
        lines = text.splitlines()
        if lines and lines[0].strip().lower() == "term":
            terms = [row["term"].strip() for row in csv.DictReader(lines) if row.get("term")]
        else:
            terms = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    else:
        raise UserError(f"{where}: expected a list of terms or a file name, got {value!r}")
    terms = [term for term in dict.fromkeys(terms) if term]
    if not terms:
        raise UserError(f"{where}: no search terms")
    return tuple(terms)


def _number(entry: Mapping[str, Any], key: str, default, where: str, low: float, kind=int):
    value = entry.get(key, default)
    if value is None and default is None:
        return None
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise UserError(f"{where}: {key} must be a number, got {value!r}") from None
    if isinstance(value, bool) or number < low or number != float(value):
        raise UserError(
            f"{where}: {key} must be a {'number' if kind is float else 'whole number'} >= {low:g}, got {value!r}"
        )
    return number


def job_search(entry: Mapping[str, Any], where: str, relative_to: Path) -> JobSearch:
    sites = entry["sites"]
    sites = [sites] if isinstance(sites, str) else sites
    if not isinstance(sites, list) or not sites:
        raise UserError(f"{where}: sites must be a list of {', '.join(JOB_SITES)}")
    unknown = [site for site in sites if site not in JOB_SITES]
    if unknown:
        raise UserError(f"{where}: unknown site(s) {', '.join(map(str, unknown))} (known: {', '.join(JOB_SITES)})")
    if entry.get("base_url") and any(site not in REBASABLE_SITES for site in sites):
        raise UserError(f"{where}: base_url works for {' and '.join(REBASABLE_SITES)} only")
    return JobSearch(
        sites=tuple(dict.fromkeys(sites)),
        terms=read_terms(entry.get("terms"), f"{where} terms", relative_to, JOBSEARCH_TERMS),
        location=entry.get("location"),
        results_per_term=_number(entry, "results_per_term", 25, where, 1),
        hours_old=_number(entry, "hours_old", 72, where, 1),
        country=str(entry.get("country") or "usa"),
        retries=_number(entry, "retries", 2, where, 0),
        retry_wait=_number(entry, "retry_wait", 5, where, 0, float),
        base_url=entry.get("base_url"),
    )


def discovery_settings(section: Mapping[str, Any], where: str, relative_to: Path) -> DiscoverySettings:
    for key in ("search", "probe", "known_boards"):
        if not isinstance(section.get(key, key != "known_boards"), bool):
            raise UserError(f"{where}: {key} must be true or false, got {section[key]!r}")
    companies: tuple[str, ...] = ()
    if section.get("companies") is not None:
        companies = read_terms(section["companies"], f"{where} companies", relative_to, JOBSEARCH_TERMS)
    base = section.get("api_base_url")
    if base is not None and not str(base).startswith(("http://", "https://")):
        raise UserError(f"{where}: api_base_url must be an http(s) URL, got {base!r}")
    return DiscoverySettings(
        search=section.get("search", True),
        probe=section.get("probe", True),
        companies=companies,
        api_base_url=base,
        terms=read_terms(section.get("terms"), f"{where} terms", relative_to, BOARD_SEARCH_TERMS),
        probe_timeout=_number(section, "probe_timeout", 10, where, 0.1, float),
        probe_workers=_number(section, "probe_workers", 4, where, 1),
        known_boards=section.get("known_boards", False),
    )
