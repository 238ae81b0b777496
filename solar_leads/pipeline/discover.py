"""`leads discover`: keyword search on job boards (python-jobspy), `site:` queries on the ATS board hosts (the
search API), and slug probes of the companies found, into raw.postings, raw.boards, raw.discovery_log and
raw.crawl_log. The caller holds the warehouse lock; the crawl that follows crawls every board found."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import requests

from solar_leads.config import Config
from solar_leads.discovery.board_import import known_boards
from solar_leads.discovery.board_search import QueryOutcome, search_boards, site_queries
from solar_leads.discovery.jobsearch import SearchOutcome, endpoints_at, search
from solar_leads.discovery.probe import ProbeOutcome, probe_companies
from solar_leads.discovery.registry import companies_with_boards, recently_probed, register
from solar_leads.discovery.settings import DiscoverySettings, JobSearch, discovery_settings, job_search
from solar_leads.errors import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, UserError
from solar_leads.pipeline.sources import Sources
from solar_leads.progress import Ticker
from solar_leads.warehouse.connection import connect
from solar_leads.warehouse.loader import append_rows, crawl_log_row
from solar_leads.warehouse.schema import migrate

Batch = tuple[int, int]  # (k, n): the k-th of n slices of the terms, from 1
REQUIRED_POSTING_FIELDS = ("title", "company", "description")


def parse_batch(value: str) -> Batch:
    """`K/N` (1 <= K <= N) as (K, N); UserError otherwise."""
    k, sep, n = value.partition("/")
    if not (sep and k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise UserError(f"--batch expects K/N with 1 <= K <= N (e.g. 2/4), got {value!r}")
    return int(k), int(n)


def batch_slice(items: list[Any], batch: Batch) -> list[Any]:
    """The k-th of n contiguous, nearly equal slices of `items` (the original scraper's batches of search terms)."""
    k, n = batch
    size, extra = divmod(len(items), n)
    start = (k - 1) * size + min(k - 1, extra)
    return items[start : start + size + (1 if k <= extra else 0)]


@dataclass
class DiscoverySummary:
    run_id: str
    searches: list[SearchOutcome] = field(default_factory=list)
    queries: list[QueryOutcome] = field(default_factory=list)
    probes: list[ProbeOutcome] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)  # boards new to the registry
    postings_loaded: int = 0
    dropped: int = 0  # jobs without a title, company or description, and jobs python-jobspy could not read
    not_written: int = 0
    write_error: str = ""

    @property
    def failures(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        outcomes: list[SearchOutcome | QueryOutcome] = [*self.searches, *self.queries]
        for outcome in outcomes:
            if outcome.outcome != "ok":
                key = f"{'jobsearch' if isinstance(outcome, SearchOutcome) else 'board search'} {outcome.outcome}"
                counts[key] = counts.get(key, 0) + 1
        probe_failures = sum(len(probe.failures) for probe in self.probes)
        if probe_failures:
            counts["probe failed"] = probe_failures
        return counts

    @property
    def malformed(self) -> int:
        """Result URLs on a board host that name no board: logged and shown, but the search itself answered."""
        return sum(len(query.malformed) for query in self.queries)

    @property
    def exit_status(self) -> int:
        """0 when every search, query and probe answered and every row was written; 1 when not one of them
        answered; 3 otherwise."""
        steps: list[SearchOutcome | QueryOutcome] = [*self.searches, *self.queries]
        answered = any(step.outcome == "ok" for step in steps) or any(p.tried > len(p.failures) for p in self.probes)
        if steps and not answered:
            return EXIT_FAILED
        if self.failures or self.dropped or self.not_written:
            return EXIT_PARTIAL
        return EXIT_OK

    def companies_without_board(self) -> list[str]:
        return sorted(probe.company for probe in self.probes if not probe.boards)

    def render(self) -> str:
        lines = [f"discover {self.run_id}:"]
        for site in sorted({s.site for s in self.searches}):
            mine = [s for s in self.searches if s.site == site]
            ok = sum(1 for s in mine if s.outcome == "ok")
            blocked = sum(1 for s in mine if s.outcome == "blocked")
            jobs = sum(len(s.postings) for s in mine)
            lines.append(
                f"  jobsearch:{site:<14} {len(mine)} terms searched, {ok} succeeded, {blocked} blocked, "
                f"{jobs} jobs found"
            )
        lines.append(f"  postings loaded       {self.postings_loaded}")
        imported = [b for b in self.added if str(b["found_by"]).startswith("import:")]
        if imported:
            lines.append(f"  known boards imported {len(imported)} (data/boards/solar_employers.csv)")
        for found_by in ("search", "probe"):
            boards = [b for b in self.added if b["found_by"] == found_by]
            shown = ", ".join(f"{b['ats']}:{b['token']}" for b in boards[:12]) + (" ..." if len(boards) > 12 else "")
            lines.append(f"  new boards by {found_by:<7} {len(boards)}{': ' + shown if boards else ''}")
        without = self.companies_without_board()
        if self.probes:
            shown = ", ".join(without[:12]) + (" ..." if len(without) > 12 else "")
            lines.append(
                f"  companies probed      {len(self.probes)}, without a board: {len(without)}"
                f"{' (' + shown + ')' if without else ''}"
            )
        if self.malformed:
            lines.append(
                f"  skipped               {self.malformed} search result URL(s) on a board host naming no "
                "board (raw.crawl_log kind malformed_result_url)"
            )
        if self.not_written:
            lines.append(f"  NOT LOADED: {self.not_written} row(s) could not be written ({self.write_error})")
        problems = [f"{name} {count}" for name, count in sorted(self.failures.items())]
        if self.dropped:
            problems.append(f"dropped jobs {self.dropped}")
        if self.exit_status == EXIT_OK:
            lines.append("  every search, query and probe answered")
        else:
            verdict = "FAILED: nothing answered" if self.exit_status == EXIT_FAILED else "PARTIAL"
            lines.append(f"  {verdict}: {', '.join(problems) or 'see raw.crawl_log'} - see raw.crawl_log")
        return "\n".join(lines)


class _Recorder:
    """Writes discovery's rows as they come, one transaction per table and step; a refused write is counted."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str, summary: DiscoverySummary):
        self.con, self.run_id, self.summary = con, run_id, summary

    def write(self, table: str, rows: list[dict[str, Any]]) -> bool:
        try:
            append_rows(self.con, table, [{**row, "run_id": self.run_id} for row in rows])
            return True
        except (duckdb.Error, OSError) as exc:
            self.summary.not_written += len(rows)
            self.summary.write_error = self.summary.write_error or str(exc).strip().splitlines()[0][:300]
            return False

    def failure(
        self,
        kind: str,
        source: str,
        url: str | None,
        error: str | None,
        term: str,
        status: int | None = None,
        retries: int = 0,
    ) -> dict[str, Any]:
        return crawl_log_row(kind, source, url, status=status, error=error, retries=retries, term=term)

    def step(
        self,
        step: str,
        site: str | None,
        term: str,
        attempts: int,
        outcome: str,
        jobs: int | None,
        boards: int | None,
        error: str | None,
    ) -> None:
        self.write(
            "discovery_log",
            [
                {
                    "logged_at": _now(),
                    "step": step,
                    "site": site,
                    "term": term,
                    "attempts": attempts,
                    "outcome": outcome,
                    "jobs_found": jobs,
                    "boards_found": boards,
                    "error": error,
                }
            ],
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def discover(config: Config, sources: Sources, run_id: str, batch: Batch = (1, 1)) -> DiscoverySummary:
    """Keyword search, then board search, then probes of the companies found; every board found is registered."""
    assert sources.path is not None
    settings = (
        discovery_settings(sources.discover, "discover", sources.path.parent) if sources.discover is not None else None
    )
    searches = [
        job_search(entry, "jobsearch", sources.path.parent) for entry in sources.entries_by_type.get("jobsearch", [])
    ]
    summary = DiscoverySummary(run_id)
    session = requests.Session()
    if sources.user_agent:
        session.headers["User-Agent"] = sources.user_agent
    with connect(config.warehouse) as con:
        migrate(con)
        recorder = _Recorder(con, run_id, summary)
        if settings is not None and settings.known_boards:
            summary.added += register(con, run_id, known_boards())
        with Ticker(lambda seconds: _progress(summary, seconds)):
            companies = _keyword_search(searches, batch, sources.user_agent, recorder)
            if settings is not None:
                if settings.search and sources.search_endpoint:
                    _board_search(session, sources.search_endpoint, settings, batch, recorder)
                if settings.probe:
                    _probe(session, companies + list(settings.companies), settings, recorder, con)
    print(summary.render(), file=sys.stderr)
    return summary


def _progress(summary: DiscoverySummary, seconds: float) -> str:
    jobs = sum(len(s.postings) for s in summary.searches)
    return (
        f"  discover: {len(summary.searches)} keyword searches ({jobs} jobs), {len(summary.queries)} board "
        f"queries, {len(summary.probes)} companies probed, {len(summary.added)} new boards "
        f"({seconds:.0f}s)"
    )


def _keyword_search(configs: list[JobSearch], batch: Batch, user_agent: str | None, recorder: _Recorder) -> list[str]:
    """Every site of every jobsearch entry, one site at a time, for this batch's terms; returns the companies."""
    companies: dict[str, None] = {}
    for config in configs:
        with endpoints_at(config.base_url):
            for site in config.sites:
                for term in batch_slice(list(config.terms), batch):
                    outcome = search(site, term, config, user_agent)
                    recorder.summary.searches.append(outcome)
                    _load_search(outcome, recorder)
                    companies.update(dict.fromkeys(row["company"] for row in outcome.postings if row["company"]))
    return list(companies)


def _load_search(outcome: SearchOutcome, recorder: _Recorder) -> None:
    source = f"jobsearch:{outcome.site}"
    rows, lost = [], []
    for row in outcome.postings:
        missing = [name for name in REQUIRED_POSTING_FIELDS if not row[name]]
        if missing:
            lost.append(
                recorder.failure("item_dropped", source, row["url"], f"missing {', '.join(missing)}", outcome.term)
            )
        else:
            rows.append({**row, "payload": json.dumps(row["payload"], ensure_ascii=False, default=str)})
    lost += [recorder.failure("bad_item", source, None, message[:500], outcome.term) for message in outcome.skipped]
    recorder.summary.dropped += len(lost)
    failures = list(lost)
    if outcome.outcome != "ok":
        kind = "search_blocked" if outcome.outcome == "blocked" else f"search_{outcome.outcome}"
        failures.append(recorder.failure(kind, source, None, outcome.error, outcome.term, retries=outcome.attempts - 1))
    if recorder.write("postings", rows):
        recorder.summary.postings_loaded += len(rows)
    recorder.write("crawl_log", failures)
    recorder.step(
        "jobsearch",
        outcome.site,
        outcome.term,
        outcome.attempts,
        outcome.outcome,
        len(outcome.postings),
        None,
        outcome.error,
    )


def _board_search(
    session: requests.Session, endpoint: str, settings: DiscoverySettings, batch: Batch, recorder: _Recorder
) -> None:
    for host, query in batch_slice(site_queries(settings.terms), batch):
        outcome = search_boards(session, endpoint, host, query, settings.probe_timeout)
        recorder.summary.queries.append(outcome)
        failures = [
            recorder.failure("malformed_result_url", "discover:search", url, why, query)
            for url, why in outcome.malformed
        ]
        if outcome.outcome != "ok":
            failures.append(
                recorder.failure(
                    f"search_{outcome.outcome}",
                    "discover:search",
                    outcome.url,
                    outcome.error,
                    query,
                    retries=outcome.attempts - 1,
                )
            )
        recorder.write("crawl_log", failures)
        found = [
            {"ats": ats, "token": token, "found_by": "search", "found_detail": query} for ats, token in outcome.boards
        ]
        recorder.summary.added += register(recorder.con, recorder.run_id, found)
        recorder.step(
            "board_search", host, query, outcome.attempts, outcome.outcome, None, len(outcome.boards), outcome.error
        )


def _probe(
    session: requests.Session,
    companies: list[str],
    settings: DiscoverySettings,
    recorder: _Recorder,
    con: duckdb.DuckDBPyConnection,
) -> None:
    """Probe the companies that have no board in the registry yet and were not probed in vain recently."""
    known = companies_with_boards(con) | recently_probed(con)
    wanted = [company for company in dict.fromkeys(companies) if company.lower() not in known]
    outcomes = probe_companies(session, wanted, settings.api_base_url, settings.probe_timeout, settings.probe_workers)
    recorder.summary.probes += outcomes
    for outcome in outcomes:
        failures = [
            recorder.failure("probe_failed", f"probe:{ats}", url, error, outcome.company)
            for ats, url, error in outcome.failures
        ]
        recorder.write("crawl_log", failures)
        found = [
            {
                "ats": ats,
                "token": token,
                "company": outcome.company,
                "found_by": "probe",
                "found_detail": outcome.company,
            }
            for ats, token, _ in outcome.boards
        ]
        recorder.summary.added += register(con, recorder.run_id, found)
        verdict = "failed" if outcome.failures and not outcome.boards else "ok"
        recorder.step(
            "probe",
            None,
            outcome.company,
            outcome.tried,
            verdict,
            None,
            len(outcome.boards),
            "; ".join(error for _, _, error in outcome.failures[:3]) or None,
        )
