"""Crawl faults (issue #12): two writers, odd shapes, a full disk, a large board, Ctrl-C and progress. The exit
status tells the truth and the printed counts are the committed rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

import duckdb
import pytest

from tests.conftest import run_leads
from tests.e2e.test_crawl import FAST, ROBOTS, greenhouse_jobs, write_sources
from tests.fault_helpers import (
    board,
    count,
    leads_process,
    loaded,
    one_line_error,
    small_disk,
    wait_for,
)
from tests.scripted_server import Reply, ScriptedServer

# 1. two writers at once; run ids


def test_a_second_writer_fails_at_once_naming_the_holder(tmp_path):
    release = threading.Event()  # the first crawl's board answers only once every second writer was tried

    def held_board(_body: str) -> Reply:
        release.wait(120)
        return Reply(body=board("slow", 2))

    routes = {"/robots.txt": [ROBOTS], "/v1/boards/slow/jobs": [held_board]}
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "slow"}])
        warehouse = tmp_path / "w.duckdb"
        first = leads_process("crawl", "--sources", str(sources), "--warehouse", str(warehouse), "--quiet")
        wait_for(lambda: server.requests.count("/v1/boards/slow/jobs") == 1)
        for command in (
            ["crawl", "--sources", str(sources)],
            ["run", "--sources", str(sources)],
            ["build"],
            ["export", "--out", str(tmp_path / "out")],
        ):
            second = run_leads(*command, "--warehouse", str(warehouse))
            message = one_line_error(second)
            assert second.returncode == 2, (command, second.stderr[-2000:])
            assert f"warehouse {warehouse} is in use by `leads crawl` (pid {first.pid}" in message
        release.set()
        assert first.wait(60) == 0, first.stderr.read()
    assert count(warehouse, "select count(*) from raw.postings") == 2
    assert not (tmp_path / "out").exists()


def test_runs_in_one_second_get_distinct_ids(tmp_path):
    from solar_leads.warehouse.run_id import RUN_ID, start_run
    from solar_leads.warehouse.schema import migrate

    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        migrate(con)
        ids = [start_run(con, "crawl", None, False) for _ in range(3)]
    assert len(set(ids)) == 3 and all(RUN_ID.match(i) for i in ids)
    assert sorted(ids) == ids  # later runs sort later


# 3. odd JSON shapes: logged, counted, and the valid job kept


def test_odd_shapes_are_logged_and_the_valid_job_is_kept(tmp_path):
    valid = {
        "id": 7,
        "title": "Solar Designer",
        "company_name": "Odd Solar",
        "absolute_url": "https://x/7",
        "content": "PV design",
    }
    deep = "[" * 3000 + "]" * 3000
    page = f'<html><script type="application/ld+json">{deep}</script></html>'
    routes = {
        "/robots.txt": [ROBOTS],
        "/v1/boards/dict/jobs": [Reply(body=json.dumps({"jobs": {"id": 1}}))],
        "/v1/boards/mixed/jobs": [Reply(body=json.dumps({"jobs": [None, 5, "x", valid]}))],
        "/deep.html": [Reply(body=page, content_type="text/html")],
    }
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(
            sources,
            server.url,
            [
                {"type": "greenhouse", "board": "dict"},
                {"type": "greenhouse", "board": "mixed"},
                {"type": "jobposting", "url": f"{server.url}/deep.html"},
            ],
        )
        result = run_leads("crawl", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"), *FAST)
    assert result.returncode == 3 and "PARTIAL" in result.stderr and "Traceback" not in result.stderr
    assert loaded("greenhouse", 1) in result.stderr
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        log = con.execute("select kind, url, error from raw.crawl_log order by url, error").fetchall()
        titles = con.execute("select title from raw.postings").fetchall()
    assert titles == [("Solar Designer",)]
    kinds = [(kind, url.rsplit("/", 2)[-2] if "boards" in url else "deep") for kind, url, _ in log]
    assert sorted(kinds) == [("bad_item", "mixed")] * 3 + [("parse_error", "deep"), ("unexpected_shape", "dict")]
    [deep_error] = [error for kind, _, error in log if kind == "parse_error"]
    assert deep_error.startswith("malformed JSON-LD: RecursionError: maximum recursion depth exceeded")


# 4. a full disk under the warehouse


def test_a_full_disk_during_the_crawl_is_not_reported_as_loaded(tmp_path):
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/big/jobs": [Reply(body=board("big", 3000, content="PV " * 600))]}
    with ScriptedServer(routes) as server, small_disk(tmp_path / "disk", "3m") as disk:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "big"}])
        result = run_leads("crawl", "--sources", str(sources), "--warehouse", str(disk / "w.duckdb"), "--quiet")
        assert result.returncode in (1, 3), result.stderr[-2000:]
        assert "NOT LOADED: postings" in result.stderr and "No space left on device" in result.stderr
        assert "every request succeeded" not in result.stderr
        committed = count(disk / "w.duckdb", "select count(*) from raw.postings")
    printed = [line for line in result.stderr.splitlines() if line.strip().startswith("greenhouse")]
    assert printed == ([] if committed == 0 else [loaded("greenhouse", committed)])


# 5. a board over 10 MB


def test_a_large_board_loads_with_the_default_body_limit_and_a_refused_body_says_so(tmp_path):
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/big/jobs": [Reply(body=board("big", 4000, content="PV " * 1000))]}
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "big"}])
        assert len(routes["/v1/boards/big/jobs"][0].body) > 12_500_000
        big = run_leads("crawl", "--sources", str(sources), "--warehouse", str(tmp_path / "a.duckdb"), "--quiet")
        refused = run_leads(
            "run",
            "--sources",
            str(sources),
            "--warehouse",
            str(tmp_path / "b.duckdb"),
            "--quiet",
            "--out",
            str(tmp_path / "out"),
            "--set",
            "DOWNLOAD_MAXSIZE=1000000",
        )
    assert big.returncode == 0 and loaded("greenhouse", 4000) in big.stderr
    assert refused.returncode == 1 and "body_too_large 1" in refused.stderr
    [error] = [
        row[0]
        for row in duckdb.connect(str(tmp_path / "b.duckdb"), read_only=True)
        .execute("select error from raw.crawl_log where kind = 'body_too_large'")
        .fetchall()
    ]
    assert "raise the limit with --set DOWNLOAD_MAXSIZE=<bytes>" in error


# 11. Ctrl-C, progress


def slow_boards(n: int = 6, delay: float = 1.5) -> dict[str, list[Reply]]:
    routes = {
        f"/v1/boards/s{i}/jobs": [Reply(body=greenhouse_jobs(f"s{i}", 3, start=10 * i), delay=delay)] for i in range(n)
    }
    return {"/robots.txt": [ROBOTS], **routes}


@pytest.mark.parametrize("command", ["crawl", "run"])
def test_ctrl_c_ends_with_130_and_says_what_was_kept(command, tmp_path):
    with ScriptedServer(slow_boards()) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": f"s{i}"} for i in range(6)])
        args = [
            command,
            "--sources",
            str(sources),
            "--warehouse",
            str(tmp_path / "w.duckdb"),
            "--set",
            "CONCURRENT_REQUESTS_PER_DOMAIN=1",
        ]
        if command == "run":
            args += ["--out", str(tmp_path / "out")]
        # its own process group, as a terminal's foreground job: Ctrl-C signals every process of the group
        command_line = [sys.executable, "-m", "solar_leads.cli", *args]
        process = subprocess.Popen(
            command_line, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        wait_for(lambda: len(server.requests) >= 3)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr[-3000:]
    assert "every request succeeded" not in stderr and "Traceback" not in stderr
    assert "interrupted" in stderr.lower() and "kept" in stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    assert count(tmp_path / "w.duckdb", "select list(status) from meta.runs") == ["interrupted"]


def test_progress_lines_during_a_crawl_and_none_with_quiet(tmp_path):
    with ScriptedServer(slow_boards(2, delay=1.2)) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": f"s{i}"} for i in range(2)])
        args = ["crawl", "--sources", str(sources), "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
        env = {"LEADS_PROGRESS_SECONDS": "0.5"}
        talking = run_leads(*args, "--warehouse", str(tmp_path / "a.duckdb"), env=env)
        quiet = run_leads(*args, "--warehouse", str(tmp_path / "b.duckdb"), "--quiet", env=env)
    progress = [line for line in talking.stderr.splitlines() if line.startswith("  crawl: ")]
    assert len(progress) >= 3 and "rows loaded" in progress[-1] and "failed" in progress[-1]
    assert not [line for line in quiet.stderr.splitlines() if line.startswith("  crawl: ")]
