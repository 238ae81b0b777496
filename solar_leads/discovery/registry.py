"""raw.boards, the job-board registry: boards discovery found, the crawl entries they become, and what each crawl
of them saw. A board is retired (kept, not deleted) after RETIRE_AFTER runs in a row without an answer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb

from scrapy_project.source_types import source_types

RETIRE_AFTER = 3
PROBE_AGAIN_AFTER_DAYS = 7  # a company without a board may open one: probe it again after a week


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def register(con: duckdb.DuckDBPyConnection, run_id: str, boards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the boards not yet in the registry (a token differing only in case is the same board); returns those
    added. Each board: ats, token, company, found_by (search, probe), found_detail (the query, the company)."""
    added: list[dict[str, Any]] = []
    for board in boards:
        known = con.execute(
            "select 1 from raw.boards where ats = ? and lower(token) = lower(?)", [board["ats"], board["token"]]
        ).fetchall()
        if known or any(b["ats"] == board["ats"] and b["token"].lower() == board["token"].lower() for b in added):
            continue
        added.append(board)
    if added:
        con.executemany(
            "insert into raw.boards (ats, token, company, found_by, found_detail, first_seen, first_run_id) "
            "values (?, ?, ?, ?, ?, ?, ?)",
            [
                [b["ats"], b["token"], b.get("company"), b["found_by"], b.get("found_detail"), now(), run_id]
                for b in added
            ],
        )
    return added


def crawl_entries(con: duckdb.DuckDBPyConnection, api_base_url: str | None) -> dict[str, list[dict[str, Any]]]:
    """The sources.yml entries of every board not retired, by source type (base_url: the discover section's
    api_base_url, when it has one)."""
    rows = con.execute("select ats, token, company from raw.boards where retired_at is null order by ats, token")
    entries: dict[str, list[dict[str, Any]]] = {}
    for ats, token, company in rows.fetchall():
        entry = source_types()[ats].entry(token, company)
        if api_base_url:
            entry["base_url"] = api_base_url
        entries.setdefault(ats, []).append(entry)
    return entries


def companies_with_boards(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("select company from raw.boards where company is not null").fetchall()
    return {company.lower() for (company,) in rows}


def recently_probed(con: duckdb.DuckDBPyConnection, days: int = PROBE_AGAIN_AFTER_DAYS) -> set[str]:
    """Companies (lowercase) whose every slug probe answered "no board" within `days`: not probed again yet."""
    rows = con.execute(
        "select distinct lower(term) from raw.discovery_log where step = 'probe' and outcome = 'ok' "
        "and boards_found = 0 and logged_at > ? - to_days(?)",
        [now(), days],
    ).fetchall()
    return {company for (company,) in rows}


def record_crawl(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """What this run's crawl saw of each board it crawled: its jobs, its status, and a miss when it did not answer
    (a failed listing request and no job loaded); the RETIRE_AFTER-th miss in a row retires the board."""
    con.execute(
        """
        with seen as (
            select
                boards.ats,
                boards.token,
                (select count(*) from raw.postings as p
                 where p.run_id = $run_id and p.source_key = boards.ats || ':' || boards.token) as jobs,
                (select arg_max(l.kind, l.logged_at) from raw.crawl_log as l
                 where l.run_id = $run_id and l.source_key = boards.ats || ':' || boards.token
                   and l.kind not in ('item_dropped', 'bad_item')) as failure
            from raw.boards as boards
            where boards.retired_at is null
        )
        update raw.boards set
            last_crawled = $now,
            last_run_id = $run_id,
            jobs_last_seen = seen.jobs,
            last_status = case when seen.jobs > 0 or seen.failure is null then 'ok' else seen.failure end,
            misses_in_a_row = case when seen.jobs > 0 or seen.failure is null then 0 else misses_in_a_row + 1 end,
            retired_at = case
                when seen.jobs = 0 and seen.failure is not null and misses_in_a_row + 1 >= $retire_after then $now
            end
        from seen
        where raw.boards.ats = seen.ats and raw.boards.token = seen.token
        """,
        {"run_id": run_id, "now": now(), "retire_after": RETIRE_AFTER},
    )
