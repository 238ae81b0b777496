"""Redirects stay home: a board's API that redirects to another host (here 127.0.0.2, standing in for any other
host, a cloud metadata address among them) is not followed and its body never loaded; a redirect loop ends at the
limit; both are raw.crawl_log rows and the crawl is not reported as a success. A redirect on the same origin is
followed."""

from __future__ import annotations

import duckdb

from tests.conftest import run_leads
from tests.e2e.test_crawl import FAST, ROBOTS, greenhouse_jobs, write_sources
from tests.scripted_server import Reply, ScriptedServer


def moved(to: str) -> Reply:
    return Reply(302, "", "text/plain", headers={"Location": to})


def test_redirects_off_the_source_are_refused_and_loops_are_logged(tmp_path):
    with ScriptedServer({}) as server:
        elsewhere = server.url.replace("127.0.0.1", "127.0.0.2")
        server.routes.update(
            {
                "/robots.txt": [ROBOTS],
                "/v1/boards/away/jobs": [moved(f"{elsewhere}/v1/boards/home/jobs")],
                "/v1/boards/metadata/jobs": [moved("http://169.254.169.254/latest/meta-data/")],
                "/v1/boards/loop/jobs": [moved(f"{server.url}/v1/boards/loop/jobs")],
                "/v1/boards/moved/jobs": [moved(f"{server.url}/v1/boards/home/jobs")],
                "/v1/boards/home/jobs": [Reply(body=greenhouse_jobs("home", 2))],
            }
        )
        sources = tmp_path / "sources.yml"
        boards = ["away", "metadata", "loop", "moved"]
        write_sources(sources, server.url, [{"type": "greenhouse", "board": board} for board in boards])
        crawl = run_leads("crawl", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"), *FAST)
    assert crawl.returncode == 3, crawl.stderr[-3000:]  # the moved board loaded; the others are failures
    assert "every request succeeded" not in crawl.stderr
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        failures = dict(con.execute("select source_key, kind || ': ' || error from raw.crawl_log").fetchall())
        loaded = con.execute("select distinct source_key from raw.postings").fetchall()
    assert loaded == [("greenhouse:moved",)]  # followed on its own origin
    assert set(failures) == {"greenhouse:away", "greenhouse:metadata", "greenhouse:loop"}
    assert all(error.startswith("redirect_refused: ") for error in failures.values())
    assert "another origin" in failures["greenhouse:away"] and "another origin" in failures["greenhouse:metadata"]
    assert "a loop, or past REDIRECT_MAX_TIMES" in failures["greenhouse:loop"]
