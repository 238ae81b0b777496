"""Incremental runs as a sales team works (issue #10, point 4): a lead keeps when it was first seen, and a run's
_new.csv holds only the companies it found first."""

from __future__ import annotations

import json

from tests.conftest import run_leads
from tests.e2e.test_crawl import ROBOTS, write_sources
from tests.e2e.test_crm_exports import DESIGN, rows
from tests.scripted_server import Reply, ScriptedServer


def test_a_second_run_marks_only_the_companies_it_found_first_as_new(tmp_path):
    first = [
        {
            "id": 1,
            "title": "Solar Designer",
            "company_name": "Helio Power",
            "content": DESIGN,
            "absolute_url": "https://boards.greenhouse.io/x/jobs/1",
            "location": {"name": "Reno, NV"},
            "first_published": "2026-07-16T11:55:32-04:00",
        }
    ]
    second = [
        *first,
        {
            **first[0],
            "id": 2,
            "company_name": "Ridgeline Solar",
            "title": "PV Drafter",
            "absolute_url": "https://boards.greenhouse.io/x/jobs/2",
        },
    ]
    routes = {
        "/robots.txt": [ROBOTS],
        "/v1/boards/x/jobs": [Reply(body=json.dumps({"jobs": jobs})) for jobs in (first, second)],
    }
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "x"}])
        for out in ("one", "two"):
            args = ["--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / out)]
            assert run_leads("run", *args, "--quiet").returncode == 0
    [one_new] = (tmp_path / "one").glob("solar_leads_*_new.csv")
    [two_all] = [p for p in (tmp_path / "two").glob("solar_leads_*.csv") if not p.name.endswith("_new.csv")]
    [two_new] = (tmp_path / "two").glob("solar_leads_*_new.csv")
    assert [row["company"] for row in rows(one_new)] == ["Helio Power"]
    everything = {row["company"]: row for row in rows(two_all)}
    assert {name: row["is_new"] for name, row in everything.items()} == {
        "Helio Power": "false",
        "Ridgeline Solar": "true",
    }
    assert [row["company"] for row in rows(two_new)] == ["Ridgeline Solar"]
    assert everything["Helio Power"]["posted_at"] == "2026-07-16 15:55:32"  # the offset applied: the right instant
    assert everything["Helio Power"]["first_seen"] < everything["Ridgeline Solar"]["first_seen"]
