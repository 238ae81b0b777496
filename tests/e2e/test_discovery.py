"""Discovery for real: python-jobspy's Indeed and LinkedIn scrapers against servers on 127.0.0.1 answering in those
sites' response shapes (demo/job_sites.py), site: queries through a SearxNG-shaped endpoint, slug probes, the boards
registry across runs, and every failure a site or probe can produce: logged with its site and term, the run going on,
the exit status honest."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from demo import job_sites
from tests.conftest import run_leads
from tests.fault_helpers import board
from tests.scripted_server import Reply, ScriptedServer

JOBS = [
    {
        "key": "0a1b2c3d0001",
        "title": "Solar Designer",
        "company": "Granite State Solar",
        "city": "Concord",
        "state": "NH",
        "date": "2026-11-10",
        "description": "<p>As our PV drafter you design PV systems in Aurora Solar and draft permit sets.</p>",
    },
    {
        "key": "0a1b2c3d0002",
        "title": "Solar Designer II",
        "company": "Coastal Photovoltaic Partners",
        "city": "Tampa",
        "state": "FL",
        "date": "2026-11-11",
        "description": "<p>Solar designer and PV drafter: stringing layouts, one-line diagrams.</p>",
    },
]
LINKEDIN_SEARCH = "/jobs-guest/jobs/api/seeMoreJobPostings/search"


def indeed_reply(body: str) -> Reply:
    return Reply(200, json.dumps(job_sites.indeed_answer(JOBS, json.loads(body)["query"])))


def site_routes(indeed: list | None = None, linkedin: list | None = None) -> dict:
    """Indeed's GraphQL and LinkedIn's guest search answering JOBS, unless told to answer otherwise."""
    routes: dict = {
        "/graphql": indeed or [indeed_reply],
        LINKEDIN_SEARCH: linkedin or [Reply(200, job_sites.linkedin_cards(JOBS, "solar designer", 0), "text/html")],
    }
    for job in JOBS:
        page = job_sites.linkedin_job_page(JOBS, job_sites.linkedin_id(job))
        routes[f"/jobs/view/{job_sites.linkedin_id(job)}"] = [Reply(200, page or "", "text/html")]
    return routes


def write_sources(path: Path, sites_url: str, discover: dict | None = None, extra: str = "") -> Path:
    lines = [
        "sources:",
        f'  - {{type: jobsearch, sites: [indeed, linkedin], base_url: "{sites_url}", terms: ["solar designer", '
        '"PV drafter"], results_per_term: 10, retries: 1, retry_wait: 0}',
        extra,
    ]
    if discover is not None:
        lines.append("discover: " + json.dumps(discover))
    path.write_text("\n".join(line for line in lines if line) + "\n")
    return path


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_jobspy_finds_postings_on_indeed_and_linkedin(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with ScriptedServer(site_routes()) as sites:
        result = run_leads(
            "discover", "--sources", str(write_sources(tmp_path / "s.yml", sites.url)), "--warehouse", str(warehouse)
        )
    assert result.returncode == 0, result.stderr[-3000:]
    found = rows(
        warehouse,
        "select source, external_id, company, title, location, description, posted_at, url "
        "from raw.postings order by source, external_id",
    )
    by_source = {source for source, *_ in found}
    assert by_source == {"jobsearch:indeed", "jobsearch:linkedin"}
    # two terms, each finding both jobs (their words are in both texts), on each site
    assert len(found) == 8
    indeed = [row for row in found if row[0] == "jobsearch:indeed"]
    assert {row[1] for row in indeed} == {"in-0a1b2c3d0001", "in-0a1b2c3d0002"}
    assert ("Granite State Solar", "Solar Designer", "Concord, NH") in {row[2:5] for row in found}
    assert all("<p>" not in row[5] and "Aurora Solar" in row[5] or "stringing" in row[5] for row in found)
    assert {row[6] for row in indeed} == {"2026-11-10", "2026-11-11"}
    log = rows(warehouse, "select step, site, term, attempts, outcome, jobs_found from raw.discovery_log order by 2, 3")
    assert log[0] == ("jobsearch", "indeed", "PV drafter", 1, "ok", 2)
    assert len(log) == 4
    assert "jobsearch:indeed         2 terms searched, 2 succeeded, 0 blocked, 4 jobs found" in result.stderr


def test_a_blocked_site_is_retried_logged_and_the_other_site_goes_on(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    routes = site_routes(indeed=[Reply(429, "slow down"), Reply(403, "blocked")])
    with ScriptedServer(routes) as sites:
        result = run_leads(
            "discover", "--sources", str(write_sources(tmp_path / "s.yml", sites.url)), "--warehouse", str(warehouse)
        )
        indeed_requests = sites.counts["/graphql"]
    assert result.returncode == 3, result.stderr[-3000:]
    assert indeed_requests == 4  # two terms, each tried twice (retries: 1)
    failures = rows(warehouse, "select kind, source, term, retries from raw.crawl_log order by term")
    assert failures == [
        ("search_blocked", "jobsearch:indeed", "PV drafter", 1),
        ("search_blocked", "jobsearch:indeed", "solar designer", 1),
    ]
    assert rows(warehouse, "select distinct source from raw.postings") == [("jobsearch:linkedin",)]
    assert "PARTIAL: jobsearch blocked 2" in result.stderr


def test_every_site_failing_is_a_failed_run_that_writes_nothing(tmp_path):
    """Indeed changed its answer's shape, LinkedIn answers a page without job cards: both are logged with their term;
    `leads discover` exits 1, and `leads run` stops before building or exporting anything."""
    warehouse, out = tmp_path / "w.duckdb", tmp_path / "out"
    graphql_error = json.dumps({"errors": [{"message": "Cannot query field jobSearch"}]})
    sign_in = Reply(200, "<html><body>Sign in to see jobs</body></html>", "text/html")
    routes = site_routes(indeed=[Reply(200, graphql_error)], linkedin=[sign_in])
    with ScriptedServer(routes) as sites:
        sources = write_sources(tmp_path / "s.yml", sites.url)
        result = run_leads("discover", "--sources", str(sources), "--warehouse", str(warehouse))
        run = run_leads("run", "--sources", str(sources), "--warehouse", str(warehouse), "--out", str(out))
    assert result.returncode == 1, result.stderr[-3000:]
    assert "FAILED: nothing answered" in result.stderr
    kinds = rows(warehouse, "select distinct kind, source, term from raw.crawl_log order by 2, 3")
    assert kinds == [
        ("search_unexpected_shape", "jobsearch:indeed", "PV drafter"),
        ("search_unexpected_shape", "jobsearch:indeed", "solar designer"),
        ("search_unexpected_shape", "jobsearch:linkedin", "PV drafter"),
        ("search_unexpected_shape", "jobsearch:linkedin", "solar designer"),
    ]
    assert run.returncode == 1, run.stderr[-3000:]
    assert "nothing was loaded" in run.stderr
    assert not out.exists() or not any(out.iterdir())


def test_boards_found_by_search_and_by_probe_are_registered_and_crawled(tmp_path):
    """site: results in several real URL forms and one naming no board; a company found on the job sites probed by
    its slugs, one probe answering too late: all logged, the boards crawled in the same run."""
    results = [
        "https://boards.greenhouse.io/embed/job_board?for=sunpeak&b=https%3A%2F%2Fsunpeak.example",
        "https://job-boards.greenhouse.io/helio/jobs/4001",
        "https://boards.greenhouse.io/embed/job_board",  # no board named
        "https://www.pv-magazine-usa.com/jobs",  # off the board hosts
    ]
    search = json.dumps({"results": [{"url": url, "title": "t", "content": ""} for url in results]})
    routes = {
        **site_routes(),
        "/search": [Reply(200, search)],
        "/v1/boards/sunpeak/jobs": [Reply(200, board("sunpeak", 2))],
        "/v1/boards/helio/jobs": [Reply(200, board("helio", 1, start=10))],
        "/v0/postings/granitestatesolar": [Reply(200, json.dumps([]))],  # a board without jobs is not a find
        "/v0/postings/granite-state-solar": [
            Reply(200, (Path(__file__).parents[1] / "fixtures" / "responses" / "lever.json").read_text())
        ],
        "/posting-api/job-board/coastal-photovoltaic-partners": [Reply(200, "{}", delay=3)],
    }
    warehouse, out = tmp_path / "w.duckdb", tmp_path / "out"
    with ScriptedServer(routes) as server:
        discover = {
            "search": True,
            "probe": True,
            "api_base_url": server.url,
            "terms": ["solar designer"],
            "probe_timeout": 1,
        }
        extra = f'  - {{type: searxng, base_url: "{server.url}"}}'
        sources = write_sources(tmp_path / "s.yml", server.url, discover, extra)
        result = run_leads("run", "--sources", str(sources), "--warehouse", str(warehouse), "--out", str(out))
    assert result.returncode == 3, result.stderr[-3000:]  # the late probe: partial
    boards = rows(
        warehouse,
        "select ats, token, found_by, company, last_status, jobs_last_seen from raw.boards order by found_by, token",
    )
    assert boards == [
        ("lever", "granite-state-solar", "probe", "Granite State Solar", "ok", boards[0][5]),
        ("greenhouse", "helio", "search", None, "ok", 1),
        ("greenhouse", "sunpeak", "search", None, "ok", 2),
    ]
    assert boards[0][5] > 0
    log = rows(warehouse, "select kind, source, term from raw.crawl_log order by kind, source")
    kinds = {(kind, source) for kind, source, _ in log}
    assert ("malformed_result_url", "discover:search") in kinds
    assert ("probe_failed", "probe:ashby") in kinds
    assert ("probe_failed", "probe:ashby", "Coastal Photovoltaic Partners") in log
    assert "new boards by search  2" in result.stderr and "new boards by probe   1" in result.stderr
    stats = json.loads(next(out.glob("run_stats_*.json")).read_text())
    assert stats["boards_found_by_search"] == 2 and stats["boards_found_by_probe"] == 1
    assert {s["site"]: s["succeeded"] for s in stats["jobsearch_by_site"]} == {"indeed": 2, "linkedin": 2}


def test_a_board_is_retired_after_three_runs_without_an_answer(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    routes = {
        "/v1/boards/alive/jobs": [Reply(200, board("alive", 1))],
        "/v1/boards/gone/jobs": [Reply(404, "not found", "text/plain")],
    }
    with ScriptedServer(routes) as server:
        sources = tmp_path / "s.yml"
        sources.write_text(f'sources: []\ndiscover: {{search: false, probe: false, api_base_url: "{server.url}"}}\n')
        run_leads("crawl", "--sources", str(sources), "--warehouse", str(warehouse))  # creates the warehouse
        with duckdb.connect(str(warehouse)) as con:
            for token in ("alive", "gone"):
                con.execute(
                    "insert into raw.boards (ats, token, found_by, first_seen, first_run_id) "
                    "values ('greenhouse', ?, 'search', now(), 'r0')",
                    [token],
                )
        statuses = []
        for _ in range(4):
            statuses.append(
                run_leads(
                    "crawl", "--sources", str(sources), "--warehouse", str(warehouse), "--set", "RETRY_TIMES=0"
                ).returncode
            )
            if len(statuses) == 3:
                gone_requests = server.counts["/v1/boards/gone/jobs"]
        final_gone_requests = server.counts["/v1/boards/gone/jobs"]
    assert statuses == [3, 3, 3, 0]  # the fourth crawl no longer asks the retired board
    assert gone_requests == final_gone_requests == 3
    state = dict(
        rows(warehouse, "select token, (misses_in_a_row, retired_at is not null, last_status) from raw.boards")
    )
    assert state["alive"] == (0, False, "ok")
    assert state["gone"] == (3, True, "http_error")


@pytest.mark.parametrize("batch,expected", [("1/2", {"solar designer"}), ("2/2", {"PV drafter"})])
def test_batches_split_the_terms(tmp_path, batch, expected):
    warehouse = tmp_path / "w.duckdb"
    with ScriptedServer(site_routes()) as sites:
        result = run_leads(
            "discover",
            "--sources",
            str(write_sources(tmp_path / "s.yml", sites.url)),
            "--warehouse",
            str(warehouse),
            "--batch",
            batch,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert {term for (term,) in rows(warehouse, "select distinct term from raw.discovery_log")} == expected


def test_the_demo_finds_its_boards_through_its_two_endpoints(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    result = run_leads("discover", "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stderr[-3000:]
    found = dict(rows(warehouse, "select ats || ':' || token, found_by from raw.boards"))
    assert found["greenhouse:kla"] == "search"  # an embed?for= URL
    assert found["ashby:brightgrid-energy"] == "search"
    assert found["lever:granite-state-solar"] == "probe"
    assert found["smartrecruiters:helio-drafting-services"] == "probe"
    sources = (Path(__file__).parents[2] / "demo" / "sources.yml").read_text()
    assert "greenhouse" not in sources and "board:" not in sources
