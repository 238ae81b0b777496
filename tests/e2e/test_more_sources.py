"""Workday, Recruitee, BambooHR, Breezy and Personio crawled end to end from one server on 127.0.0.1 answering at
their production paths, in their real shapes: every job is a raw.postings row (whole, or from its list alone when its
title misses the wide net), a detail that fails is a raw.crawl_log row and a partial run, and run_stats counts the
listed-only jobs per board."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from tests.conftest import run_leads
from tests.e2e.test_crawl import ROBOTS, crawl_args, write_sources
from tests.scripted_server import Reply, ScriptedServer

RESPONSES = Path(__file__).parents[1] / "fixtures" / "responses"
RECORDED = RESPONSES / "recorded"
WORKDAY = "/wday/cxs/brightgrid/External"


def workday_list(body: str) -> Reply:
    page = "jobs_page2.json" if json.loads(body or "{}").get("offset") else "jobs_page1.json"
    return Reply(body=(RESPONSES / "workday" / page).read_bytes())


def test_new_source_types_crawl_into_the_warehouse(tmp_path):
    routes = {
        "/robots.txt": [ROBOTS],
        f"{WORKDAY}/jobs": [workday_list],
        f"{WORKDAY}/job/Denver-CO/Solar-Design-Engineer_JR-1041": [
            Reply(body=(RESPONSES / "workday/detail_JR-1041.json").read_bytes())
        ],
        f"{WORKDAY}/job/Remote-USA/PV-Drafter_JR-1043": [
            Reply(body=(RESPONSES / "workday/detail_JR-1043.json").read_bytes())
        ],
        "/api/offers/": [Reply(body=(RESPONSES / "recruitee/offers.json").read_bytes())],
        "/careers/list": [Reply(body=(RECORDED / "bamboohr/normal.json").read_bytes())],
        "/careers/58/detail": [Reply(body=(RESPONSES / "bamboohr/detail_58.json").read_bytes())],
        "/careers/61/detail": [Reply(500, "boom", "text/plain")],
        "/json": [Reply(body=(RECORDED / "breezy/normal.json").read_bytes())],
        "/xml": [Reply(body=(RECORDED / "personio/normal.xml").read_bytes(), content_type="application/xml")],
    }
    warehouse = tmp_path / "w.duckdb"
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        entries = [
            {"type": "workday", "tenant": "brightgrid", "wd": "wd5", "site": "External", "company": "BrightGrid"},
            {"type": "recruitee", "company": "zonnepanelen"},
            {"type": "bamboohr", "company": "pgm"},
            {"type": "breezy", "company": "mobilion-systems-inc"},
            {"type": "personio", "company": "strohm"},
        ]
        write_sources(sources, server.url, entries)
        crawl = run_leads(*crawl_args(sources, warehouse, "RETRY_TIMES=0"))
    assert crawl.returncode == 3, crawl.stderr[-3000:]  # one BambooHR detail failed: partial
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select source, source_key, title, coalesce(json_extract_string(payload, '$.detail'), ''), "
            "length(description) > 0 from raw.postings order by source, title"
        ).fetchall()
        failed = con.execute("select kind, source, source_key, status from raw.crawl_log").fetchall()
    assert rows == [
        ("bamboohr", "bamboohr:pgm", "Process Operator", "not_fetched", False),
        ("bamboohr", "bamboohr:pgm", "Production Engineer", "", True),
        ("bamboohr", "bamboohr:pgm", "Project Manager, Mining", "not_fetched", False),
        ("breezy", "breezy:mobilion-systems-inc", "Applications Scientist (Proteomics)", "not_fetched", False),
        ("breezy", "breezy:mobilion-systems-inc", "Senior Copywriter, Brand & Growth (Remote)", "not_fetched", False),
        ("personio", "personio:strohm", "Document Controller", "none_given", False),
        ("personio", "personio:strohm", "Electrical Technician", "none_given", False),
        ("recruitee", "recruitee:zonnepanelen", "Office Manager", "", True),
        ("recruitee", "recruitee:zonnepanelen", "PV Design Engineer", "", True),
        ("workday", "workday:brightgrid.wd5.External", "PV Drafter", "", True),
        ("workday", "workday:brightgrid.wd5.External", "Payroll Specialist", "not_fetched", False),
        ("workday", "workday:brightgrid.wd5.External", "Solar Design Engineer", "", True),
    ]
    assert failed == [("http_error", "bamboohr", "bamboohr:pgm", 500)]

    build = run_leads("build", "--warehouse", str(warehouse), "--quiet")
    assert build.returncode == 0, build.stderr[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(listed,)] = con.execute("select listed_only_by_board from marts.run_stats").fetchall()
    assert listed == [
        {"board": "bamboohr:pgm", "postings": 2},
        {"board": "breezy:mobilion-systems-inc", "postings": 2},
        {"board": "workday:brightgrid.wd5.External", "postings": 1},
    ]


def test_a_careers_site_is_read_from_its_list_page_to_its_job_pages_on_its_host(tmp_path):
    """A `careers` site: the list page's links on its host that name a job (or another list page) are followed,
    each page's JobPosting loaded; the link off the host and the non-job links are not asked for; a job page whose
    JobPosting is missing costs nothing else."""
    job_page = (RESPONSES / "careers/job_1041.html").read_bytes()
    routes = {
        "/robots.txt": [ROBOTS],
        "/careers/": [Reply(body=(RESPONSES / "careers/index.html").read_bytes(), content_type="text/html")],
        "/careers/jobs/1041-solar-designer": [Reply(body=job_page, content_type="text/html")],
        "/careers/jobs/1042-pv-drafter": [Reply(body=b"<html><body>Filled</body></html>", content_type="text/html")],
    }
    warehouse = tmp_path / "w.duckdb"
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        sources.write_text(f"sources:\n  - {{type: careers, url: '{server.url}/careers/', company: Helio Grid}}\n")
        crawl = run_leads(*crawl_args(sources, warehouse))
        asked = sorted(set(server.requests) - {"/robots.txt"})
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert asked == ["/careers/", "/careers/jobs/1041-solar-designer", "/careers/jobs/1042-pv-drafter"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select source, external_id, title, company, location, posted_at from raw.postings"
        ).fetchall()
    assert rows == [("careers", "1041", "Solar Designer", "Helio Grid Power", "Tucson, AZ, US", "2026-11-02")]


def test_a_careers_site_past_its_page_limit_says_what_was_left_out(tmp_path):
    routes = {
        "/robots.txt": [ROBOTS],
        "/careers/": [Reply(body=(RESPONSES / "careers/index.html").read_bytes(), content_type="text/html")],
        "/careers/jobs/1041-solar-designer": [
            Reply(body=(RESPONSES / "careers/job_1041.html").read_bytes(), content_type="text/html")
        ],
    }
    warehouse = tmp_path / "w.duckdb"
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        sources.write_text(f"sources:\n  - {{type: careers, url: '{server.url}/careers/'}}\n")
        crawl = run_leads(*crawl_args(sources, warehouse, "LEADS_CAREERS_MAX_PAGES=2"))
    assert crawl.returncode == 3, crawl.stderr[-3000:]  # something was left out: partial, never "everything loaded"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(kind, error)] = con.execute("select kind, error from raw.crawl_log").fetchall()
        loaded = con.execute("select title from raw.postings").fetchall()
    assert kind == "page_limit" and error.startswith("2 job links left out") and loaded == [("Solar Designer",)]


def test_a_jazzhr_site_is_read_from_its_job_list(tmp_path):
    listing = (
        b'<html><body><ul><li><a href="/apply/Xy12Ab/Solar-Designer">Solar Designer</a></li>'
        b'<li><a href="https://app.jazz.co/login">Log in</a></li></ul></body></html>'
    )
    routes = {
        "/robots.txt": [ROBOTS],
        "/apply/jobs": [Reply(body=listing, content_type="text/html")],
        "/apply/Xy12Ab/Solar-Designer": [
            Reply(body=(RESPONSES / "careers/job_1041.html").read_bytes(), content_type="text/html")
        ],
        "/careers/": [Reply(body=b"<html><body>All jobs</body></html>", content_type="text/html")],  # its link back
    }
    warehouse = tmp_path / "w.duckdb"
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "jazzhr", "company": "heliogrid"}])
        crawl = run_leads(*crawl_args(sources, warehouse))
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select source, source_key, title from raw.postings").fetchall()
    assert rows == [("jazzhr", "jazzhr:heliogrid", "Solar Designer")]
