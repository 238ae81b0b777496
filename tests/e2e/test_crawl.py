"""Crawling against servers the tests start on 127.0.0.1: failures are logged, good postings all load."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import PROJECT, run_leads
from tests.scripted_server import Reply, ScriptedServer

FAST = ["--set", "RETRY_BACKOFF_BASE=0.05", "--set", "DOWNLOAD_TIMEOUT=2", "--set", "AUTOTHROTTLE_ENABLED=False"]
ROBOTS = Reply(body="User-agent: *\nDisallow: /private/\n", content_type="text/plain")


def greenhouse_jobs(board: str, count: int, start: int = 0, missing_title: bool = False) -> str:
    jobs = [
        {
            "id": start + n,
            "title": "" if missing_title and n == 0 else f"Solar Designer {start + n}",
            "company_name": f"{board.title()} Solar",
            "absolute_url": f"https://jobs.example/{board}/{start + n}",
            "location": {"name": "Austin, TX"},
            "first_published": "2026-09-01T00:00:00Z",
            "content": "&lt;p&gt;Design PV systems &amp;amp; permit plan sets.&lt;/p&gt;",
        }
        for n in range(count)
    ]
    return json.dumps({"jobs": jobs, "meta": {"total": count}})


def job_page(title: str) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "description": "<p>PV layout</p>",
        "hiringOrganization": {"name": "Pagé Solar"},
        "identifier": {"value": title},
    }
    script = json.dumps(ld, ensure_ascii=False)
    return f'<html><head><title>{title}</title><script type="application/ld+json">{script}</script></head></html>'


def crawl_args(sources, warehouse, *settings: str) -> list[str]:
    """`leads crawl` of `sources` into `warehouse` with the fast test settings, and `settings` (NAME=VALUE) on top."""
    overrides = [argument for setting in settings for argument in ("--set", setting)]
    return ["crawl", "--sources", str(sources), "--warehouse", str(warehouse), *FAST, *overrides]


def run_args(sources, warehouse, out, *settings: str) -> list[str]:
    """`leads run` of `sources` into `warehouse` and `out`, with `settings` (NAME=VALUE)."""
    overrides = [argument for setting in settings for argument in ("--set", setting)]
    return ["run", "--sources", str(sources), "--warehouse", str(warehouse), "--out", str(out), *overrides]


def write_sources(path, base: str, entries: list[dict]) -> None:
    lines = ["user_agent: solar-leads-test/0.1", "sources:"]
    lines += [
        "  - " + json.dumps({**entry, "base_url": base} if entry["type"] != "jobposting" else entry)
        for entry in entries
    ]
    path.write_text("\n".join(lines) + "\n")


def crawl_log(warehouse) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select kind, url, status, error, retries, reason from raw.crawl_log").fetchall()
    grouped: dict[str, list[tuple]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row[1:])
    return grouped


@pytest.fixture(scope="module")
def failing_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crawl")
    latin1 = job_page("Diseñador Solar").encode("latin-1")
    routes = {
        "/robots.txt": [ROBOTS],
        "/v1/boards/flaky/jobs": [Reply(429, "slow down", "text/plain"), Reply(body=greenhouse_jobs("flaky", 3))],
        "/v1/boards/broken/jobs": [Reply(500, "boom", "text/plain")],
        "/v1/boards/malformed/jobs": [Reply(body='{"jobs": [ {"id": 1,')],
        "/v1/boards/slow/jobs": [Reply(body=greenhouse_jobs("slow", 2), delay=3.5)],
        "/v1/boards/good/jobs": [Reply(body=greenhouse_jobs("good", 4, start=100, missing_title=True))],
        "/pages/latin1.html": [Reply(body=latin1, content_type="text/html")],
        "/pages/huge.html": [Reply(body="x" * 300_000, content_type="text/html")],
        "/pages/ok.html": [Reply(body=job_page("PV Drafter"), content_type="text/html; charset=utf-8")],
        "/private/secret.html": [Reply(body=job_page("Hidden"), content_type="text/html")],
    }
    with ScriptedServer(routes) as server:
        sources = tmp / "sources.yml"
        boards = ["flaky", "broken", "malformed", "slow", "good"]
        pages = ["pages/latin1.html", "pages/huge.html", "pages/ok.html", "private/secret.html"]
        write_sources(
            sources,
            server.url,
            [{"type": "greenhouse", "board": b} for b in boards]
            + [{"type": "jobposting", "url": f"{server.url}/{p}"} for p in pages],
        )
        warehouse = tmp / "w.duckdb"
        result = run_leads(*crawl_args(sources, warehouse, "DOWNLOAD_MAXSIZE=100000", "RETRY_TIMES=2"))
        requested = list(server.requests)
    return result, warehouse, requested


def test_run_goes_on_and_summary_says_partial(failing_crawl):
    result, _, _ = failing_crawl
    assert result.returncode == 3, result.stderr[-2000:]  # partial: some sources failed, the others loaded
    assert "PARTIAL" in result.stderr and "see raw.crawl_log" in result.stderr


def test_every_source_failed_is_a_failure_and_run_exports_nothing(tmp_path):
    """A dead host: `leads crawl` exits 1; `leads run` stops before building, exits 1 and writes no files, so an
    earlier run's files are never re-exported as if new."""
    dead = "http://127.0.0.1:9"  # the discard port: connection refused
    sources = tmp_path / "sources.yml"
    write_sources(sources, dead, [{"type": "greenhouse", "board": "gone"}, {"type": "lever", "site": "gone"}])
    crawl = run_leads(*crawl_args(sources, tmp_path / "w.duckdb", "RETRY_TIMES=0"))
    assert crawl.returncode == 1 and "FAILED: nothing was loaded" in crawl.stderr
    run = run_leads(*run_args(sources, tmp_path / "w.duckdb", tmp_path / "out", "RETRY_TIMES=0"))
    last = run.stderr.strip().splitlines()[-1]
    assert run.returncode == 1 and last.startswith("error: run ") and "every source failed" in last
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_every_good_posting_is_loaded_clean(failing_crawl):
    _, warehouse, _ = failing_crawl
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select source_key, title, company, description from raw.postings").fetchall()
    keys = sorted(r[0] for r in rows)
    # flaky: 3 after a 429 retry; good: 4 minus the one without a title; ok.html: 1
    assert keys.count("greenhouse:flaky") == 3
    assert keys.count("greenhouse:good") == 3
    assert [r for r in rows if r[0].startswith("jobposting:")][0][1:3] == ("PV Drafter", "Pagé Solar")
    assert all(r[3] == "Design PV systems & permit plan sets." for r in rows if r[0].startswith("greenhouse"))


def test_429_is_retried(failing_crawl):
    _, _, requested = failing_crawl
    assert requested.count("/v1/boards/flaky/jobs") == 2


def test_500_past_retries_is_logged_with_status_and_retries(failing_crawl):
    _, warehouse, requested = failing_crawl
    errors = crawl_log(warehouse)["http_error"]
    assert [(e[1], e[3]) for e in errors if "/broken/jobs" in e[0]] == [(500, 2)]
    assert requested.count("/v1/boards/broken/jobs") == 3


def test_malformed_json_timeout_encoding_and_size_are_logged(failing_crawl):
    _, warehouse, _ = failing_crawl
    log = crawl_log(warehouse)

    def errors(kind: str, url_part: str) -> list[str]:
        return [err for url, _, err, _, _ in log.get(kind, []) if url_part in url]

    assert any("malformed JSON" in err for err in errors("parse_error", "/malformed/jobs"))
    assert errors("decode_error", "/pages/latin1.html") == ["body is not valid UTF-8 and declares no usable charset"]
    assert any("Timeout" in err for err in errors("request_failed", "/slow/jobs"))
    [too_large] = errors("body_too_large", "/pages/huge.html")
    assert "larger than DOWNLOAD_MAXSIZE (100000 bytes)" in too_large and "--set DOWNLOAD_MAXSIZE=" in too_large


def test_robots_disallow_is_respected(failing_crawl):
    _, warehouse, requested = failing_crawl
    assert "/private/secret.html" not in requested
    assert any(url.endswith("/private/secret.html") for url, *_ in crawl_log(warehouse)["robots_disallowed"])


def test_dropped_item_is_counted_with_its_reason(failing_crawl):
    _, warehouse, _ = failing_crawl
    assert [e[4] for e in crawl_log(warehouse)["item_dropped"]] == ["missing title"]


def test_sigkill_mid_load_leaves_whole_batches_and_the_next_run_completes(tmp_path):
    boards = {f"b{n}": greenhouse_jobs(f"b{n}", 10, start=n * 10) for n in range(30)}
    routes = {f"/v1/boards/{b}/jobs": [Reply(body=body, delay=0.05)] for b, body in boards.items()}
    routes["/robots.txt"] = [ROBOTS]
    batch = 7
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": b} for b in boards])
        warehouse = tmp_path / "w.duckdb"
        args = crawl_args(sources, warehouse, f"DUCKDB_BATCH_SIZE={batch}", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
        command = [sys.executable, "-m", "solar_leads.cli", *args, "--run-id", "20260101_000000"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
        deadline = time.time() + 60
        # kill once 20 of the 31 responses went out: batches are being committed, the crawl is far from done
        while len(server.requests) < 20 and time.time() < deadline:
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with duckdb.connect(str(warehouse)) as con:
            killed = con.execute("select count(*) from raw.postings").fetchall()[0][0]
        assert 0 < killed < 300
        assert killed % batch == 0, "a partial batch survived the kill"

        second = run_leads(*args, "--run-id", "20260101_000100")
        assert second.returncode == 0, second.stderr[-2000:]
    build = run_leads("build", "--warehouse", str(warehouse), "--select", "+postings")
    assert build.returncode == 0, build.stderr[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        total, distinct = con.execute("select count(*), count(distinct posting_id) from marts.postings").fetchall()[0]
    assert total == distinct == 300


def test_scrapy_crawl_runs_a_spider_from_the_repo_with_string_arguments(tmp_path):
    """`scrapy crawl <spider> -a ...` as Scrapyd or any Scrapy scheduler would run it: arguments arrive as strings;
    the rows land in $WAREHOUSE under a run of their own; a bad argument is refused naming it."""
    routes = {
        "/robots.txt": [ROBOTS],
        "/v1/boards/acme/jobs": [Reply(body=greenhouse_jobs("acme", 3))],
        "/v0/postings/helio": [
            Reply(
                body=json.dumps(
                    [
                        {
                            "id": "h1",
                            "text": "PV Drafter",
                            "hostedUrl": "https://jobs.lever.co/helio/h1",
                            "descriptionPlain": "x",
                            "createdAt": 1752678932000,
                        }
                    ]
                )
            )
        ],
    }
    warehouse = tmp_path / "w.duckdb"
    env = {**os.environ, "WAREHOUSE": str(warehouse)}
    scrapy = [sys.executable, "-m", "scrapy.cmdline", "crawl"]
    with ScriptedServer(routes) as server:
        arguments = ["-a", "board=acme", "-a", f"base_url={server.url}", "-a", "company=Acme Solar"]
        greenhouse = subprocess.run(
            [*scrapy, "greenhouse", *arguments], cwd=PROJECT, env=env, capture_output=True, text=True
        )
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "lever", "site": "helio", "company": "Helio"}])
        lever = subprocess.run(
            [*scrapy, "lever", "-a", f"sources={sources}"], cwd=PROJECT, env=env, capture_output=True, text=True
        )
        bad = subprocess.run(
            [*scrapy, "greenhouse", "-a", "base_url=ftp://x", "-a", "board=b"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
        )
    assert greenhouse.returncode == 0 and lever.returncode == 0, greenhouse.stderr[-2000:] + lever.stderr[-2000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        loaded = con.execute("select source_key, count(*) from raw.postings group by 1 order by 1").fetchall()
        runs = con.execute("select command, status from meta.runs order by run_id").fetchall()
    assert loaded == [("greenhouse:acme", 3), ("lever:helio", 1)]
    assert runs == [("scrapy crawl", "ok"), ("scrapy crawl", "ok")]
    assert "base_url must be an http(s) URL" in bad.stderr
