"""Faults a nightly job meets, each reproduced as a user would: the exit status tells the truth, the message is one
line naming what and where, and nothing is lost or half-written (issue #12's observed cases)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_leads
from tests.e2e.test_crawl import FAST, ROBOTS, greenhouse_jobs, write_sources
from tests.scripted_server import Reply, ScriptedServer

SOLAR_JOB = "&lt;p&gt;Design residential PV systems in Aurora Solar and draft permit plan sets.&lt;/p&gt;"


def board(name: str, count: int, start: int = 0, content: str = SOLAR_JOB) -> str:
    jobs = [{"id": start + n, "title": f"Solar Designer {start + n}", "company_name": f"{name.title()} Solar",
             "absolute_url": f"https://jobs.example/{name}/{start + n}", "location": {"name": "Austin, TX"},
             "content": content} for n in range(count)]  # fmt: skip
    return json.dumps({"jobs": jobs})


def loaded(source: str, rows: int) -> str:
    """The crawl summary's line for a source's committed rows."""
    return f"  {source:<16} {rows:>6} loaded"


def one_line_error(result) -> str:
    """The last stderr line, after checking there is no traceback."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result.stderr.strip().splitlines()[-1]


def leads_process(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "solar_leads.cli", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})  # fmt: skip


def wait_for(predicate, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def count(warehouse: Path, sql: str):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()[0][0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A warehouse and an output folder from one good `leads run` on a scripted board (copy before changing it)."""
    tmp = tmp_path_factory.mktemp("built")
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/acme/jobs": [Reply(body=board("acme", 3))]}
    with ScriptedServer(routes) as server:
        sources = tmp / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "acme"}])
        result = run_leads("run", "--sources", str(sources), "--warehouse", str(tmp / "w.duckdb"),
                           "--out", str(tmp / "out"), "--quiet")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "w.duckdb", tmp / "out"


def copy_of(built, tmp_path: Path) -> Path:
    warehouse = tmp_path / "w.duckdb"
    shutil.copy(built[0], warehouse)
    return warehouse


# 1. two writers at once; run ids


def test_a_second_writer_fails_at_once_naming_the_holder(tmp_path):
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/slow/jobs": [Reply(body=board("slow", 2), delay=4)]}
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "slow"}])
        warehouse = tmp_path / "w.duckdb"
        first = leads_process("crawl", "--sources", str(sources), "--warehouse", str(warehouse), "--quiet")
        wait_for(lambda: server.requests.count("/v1/boards/slow/jobs") == 1)
        for command in (["crawl", "--sources", str(sources)], ["run", "--sources", str(sources)], ["build"],
                        ["export", "--out", str(tmp_path / "out")]):  # fmt: skip
            second = run_leads(*command, "--warehouse", str(warehouse))
            message = one_line_error(second)
            assert second.returncode == 2, (command, second.stderr[-2000:])
            assert f"warehouse {warehouse} is in use by `leads crawl` (pid {first.pid}" in message
        assert first.wait(60) == 0, first.stderr.read()
    assert count(warehouse, "select count(*) from raw.postings") == 2
    assert not (tmp_path / "out").exists()


def test_runs_in_one_second_get_distinct_ids(tmp_path):
    from solar_leads.warehouse.connection import ensure_raw_schema
    from solar_leads.warehouse.run_id import RUN_ID, start_run

    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        ensure_raw_schema(con)
        ids = [start_run(con, "crawl", None, False) for _ in range(3)]
    assert len(set(ids)) == 3 and all(RUN_ID.match(i) for i in ids)
    assert sorted(ids) == ids  # later runs sort later


# 2. every source failed, on a warehouse with an earlier run


def test_every_source_failed_on_a_warehouse_with_an_earlier_run_exports_nothing(built, tmp_path):
    warehouse = copy_of(built, tmp_path)
    sources = tmp_path / "sources.yml"
    write_sources(sources, "http://127.0.0.1:9", [{"type": "greenhouse", "board": "gone"}])
    result = run_leads("run", "--sources", str(sources), "--warehouse", str(warehouse), "--out", str(tmp_path / "out"),
                       "--set", "RETRY_TIMES=0", "--quiet")  # fmt: skip
    assert result.returncode == 1 and "every source failed" in one_line_error(result)
    assert list((tmp_path / "out").iterdir()) == []  # the old run is not re-exported under its old id
    statuses = count(warehouse, "select list(status order by run_id) from meta.runs")
    assert statuses == ["ok", "failed"]


# 3. odd JSON shapes: logged, counted, and the valid job kept


def test_odd_shapes_are_logged_and_the_valid_job_is_kept(tmp_path):
    valid = {"id": 7, "title": "Solar Designer", "company_name": "Odd Solar", "absolute_url": "https://x/7",
             "content": "PV design"}  # fmt: skip
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


@contextlib.contextmanager
def small_disk(path: Path, size: str, options: str = "rw"):
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs (a small or read-only disk) needs root")
    path.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size},{options}", "tmpfs", str(path)]
    mounted = subprocess.run(mount, capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)])


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


def test_a_full_disk_under_the_exports_writes_none_of_them(built, tmp_path):
    warehouse = copy_of(built, tmp_path)
    with small_disk(tmp_path / "disk", "256k") as disk:
        with (disk / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:  # fill the disk, then free 4 KB: room for the preflight's probe, not for the files
                filler.write(b"x" * 4096)
        os.truncate(disk / "filler", (disk / "filler").stat().st_size - 4096)
        result = run_leads("export", "--warehouse", str(warehouse), "--out", str(disk))
        assert result.returncode == 2 and "No space left on device" in one_line_error(result)
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # no file of the set, no staging debris


# 5. a board over 10 MB


def test_a_large_board_loads_with_the_default_body_limit_and_a_refused_body_says_so(tmp_path):
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/big/jobs": [Reply(body=board("big", 4000, content="PV " * 1000))]}
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "big"}])
        assert len(routes["/v1/boards/big/jobs"][0].body) > 12_500_000
        big = run_leads("crawl", "--sources", str(sources), "--warehouse", str(tmp_path / "a.duckdb"), "--quiet")
        refused = run_leads("run", "--sources", str(sources), "--warehouse", str(tmp_path / "b.duckdb"), "--quiet",
                            "--out", str(tmp_path / "out"), "--set", "DOWNLOAD_MAXSIZE=1000000")  # fmt: skip
    assert big.returncode == 0 and loaded("greenhouse", 4000) in big.stderr
    assert refused.returncode == 1 and "body_too_large 1" in refused.stderr
    [error] = [row[0] for row in duckdb.connect(str(tmp_path / "b.duckdb"), read_only=True).execute(
        "select error from raw.crawl_log where kind = 'body_too_large'").fetchall()]  # fmt: skip
    assert "raise the limit with --set DOWNLOAD_MAXSIZE=<bytes>" in error


# 6. stale marts


def test_export_refuses_marts_older_than_the_last_crawl_or_an_unfinished_build(built, tmp_path):
    warehouse = copy_of(built, tmp_path)
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/new/jobs": [Reply(body=board("new", 2, start=50))]}
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "new"}])
        assert run_leads("crawl", "--sources", str(sources), "--warehouse", str(warehouse), "--quiet").returncode == 0
    stale = run_leads("export", "--warehouse", str(warehouse), "--out", str(tmp_path / "out"))
    assert stale.returncode == 2 and "data was loaded after the last build" in one_line_error(stale)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())

    # a build killed halfway (here: SIGKILL once dbt reports its first nodes)
    build = leads_process("build", "--warehouse", str(warehouse), env={"LEADS_PROGRESS_SECONDS": "0.2"})
    line = ""
    while "nodes done" not in line or " 0 nodes done" in line:
        line = build.stderr.readline()
        assert line, "the build ended before it could be killed"
    build.send_signal(signal.SIGKILL)
    build.wait()
    killed = run_leads("export", "--warehouse", str(warehouse), "--out", str(tmp_path / "out"))
    assert killed.returncode == 2 and "did not finish" in one_line_error(killed)

    assert run_leads("build", "--warehouse", str(warehouse), "--quiet").returncode == 0
    fresh = run_leads("export", "--warehouse", str(warehouse), "--out", str(tmp_path / "out"))
    assert fresh.returncode == 0, fresh.stderr[-2000:]


# 7. the output folder


@pytest.mark.parametrize("problem", ["a file", "read-only"])
def test_an_unwritable_output_folder_is_refused_before_any_request(problem, tmp_path):
    out = tmp_path / "out"
    with contextlib.ExitStack() as stack:
        if problem == "a file":
            out.write_text("not a folder")
        else:
            stack.enter_context(small_disk(out, "1m", "ro"))
        check_refused_before_any_request(out, tmp_path)


def check_refused_before_any_request(out: Path, tmp_path: Path) -> None:
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/acme/jobs": [Reply(body=board("acme", 1))]}
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "acme"}])
        result = run_leads("run", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"),
                           "--out", str(out))  # fmt: skip
        requested = list(server.requests)
    assert result.returncode == 2 and str(out) in one_line_error(result)
    assert requested == []


def test_exports_follow_the_umask_and_a_killed_exports_debris_is_cleared(built, tmp_path):
    warehouse = copy_of(built, tmp_path)
    out = tmp_path / "out"
    (out / ".leads-staging-999999999").mkdir(parents=True)  # left by an export killed mid-way (no such pid)
    (out / ".leads-staging-999999999" / "solar_leads_x.csv").write_text("partial")
    result = run_leads("export", "--warehouse", str(warehouse), "--out", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    files = sorted(out.iterdir())
    assert [p.suffix for p in files] == [".jsonl", ".json", ".json", ".json", ".csv"]
    umask = os.umask(0)
    os.umask(umask)
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o666 & ~umask}


# 8. leads query within limits, without paths, with clean errors


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("select count(*) from range(1000000000000)", "stopped after 2 s"),
        ("with recursive t(n) as (select 1 union all select n + 1 from t) select count(*) from t", "stopped after 2 s"),
        ("select list(range) from range(1000000000)", "more than 100MB of memory"),
        ("select 'unterminated", "does not parse"),
        ("select /* unterminated", "does not parse"),
        ("select " + "(" * 43 + "1" + ")" * 43, "does not parse"),
        ("select current_setting('temp_directory')", "current_setting() is not allowed"),
        ("select * from pragma_database_list", "pragma_database_list is not allowed"),
        ("select path from duckdb_databases()", "duckdb_databases() is not allowed"),
    ],
)
def test_query_limits_and_refusals(built, sql, message):
    result = run_leads("query", sql, "--warehouse", str(built[0]), "--timeout", "2", "--memory-limit", "100MB")
    assert result.returncode == 2 and message in one_line_error(result), result.stderr[-2000:]
    assert result.stdout == ""
    assert str(built[0].parent) not in result.stderr


def test_query_on_a_bad_or_busy_warehouse_says_so(built, tmp_path):
    empty, truncated = tmp_path / "empty.duckdb", tmp_path / "truncated.duckdb"
    empty.write_bytes(b"")
    truncated.write_bytes(built[0].read_bytes()[:100_000])
    for warehouse, message in ((empty, "is an empty file"), (truncated, "cannot open warehouse")):
        result = run_leads("query", "select 1", "--warehouse", str(warehouse))
        assert result.returncode == 2 and message in one_line_error(result)
    busy = copy_of(built, tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)",
            str(busy),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        result = run_leads("query", "select 1", "--warehouse", str(busy))
        assert result.returncode == 2 and f"warehouse {busy} is in use" in one_line_error(result)
    finally:
        holder.kill()


# 9. files that are not UTF-8, or nested too deeply


@pytest.mark.parametrize("command", [["review", "import"], ["score", "--input"]])
def test_unreadable_json_files_are_bad_input(command, tmp_path):
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"items": [{"id": "a", "description": "caf\u00e9", "label": true}]}'.encode("latin-1"))
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    labeled = tmp_path / "labeled"
    for path, message in ((latin1, "is not UTF-8 text"), (deep, "nested too deeply")):
        result = run_leads(*command, str(path), env={"LABELED_DIR": str(labeled)})
        assert result.returncode == 2 and message in one_line_error(result)
    assert not labeled.exists()


# 10. the demo never enters a real warehouse


def test_the_demo_refuses_a_warehouse_with_real_runs_and_has_its_own(built, tmp_path):
    warehouse = copy_of(built, tmp_path)
    before = count(warehouse, "select count(*) from raw.postings")
    refused = run_leads("run", "--warehouse", str(warehouse), "--out", str(tmp_path / "out"))
    assert refused.returncode == 2 and "holds real crawls" in one_line_error(refused)
    assert count(warehouse, "select count(*) from raw.postings") == before

    demo = run_leads("crawl", "--quiet", cwd=tmp_path)  # no --sources, no --warehouse: the demo's own warehouse
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert count(tmp_path / "data" / "demo" / "warehouse.duckdb", "select bool_and(is_demo) from meta.runs")


# 11. Ctrl-C, progress


def slow_boards(n: int = 6) -> dict[str, list[Reply]]:
    routes = {f"/v1/boards/s{i}/jobs": [Reply(body=greenhouse_jobs(f"s{i}", 3, start=10 * i), delay=1.5)]
              for i in range(n)}  # fmt: skip
    return {"/robots.txt": [ROBOTS], **routes}


@pytest.mark.parametrize("command", ["crawl", "run"])
def test_ctrl_c_ends_with_130_and_says_what_was_kept(command, tmp_path):
    with ScriptedServer(slow_boards()) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": f"s{i}"} for i in range(6)])
        args = [command, "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"),
                "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]  # fmt: skip
        if command == "run":
            args += ["--out", str(tmp_path / "out")]
        # its own process group, as a terminal's foreground job: Ctrl-C signals every process of the group
        command_line = [sys.executable, "-m", "solar_leads.cli", *args]
        process = subprocess.Popen(command_line, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)  # fmt: skip
        wait_for(lambda: len(server.requests) >= 3)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr[-3000:]
    assert "every request succeeded" not in stderr and "Traceback" not in stderr
    assert "interrupted" in stderr.lower() and "kept" in stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    assert count(tmp_path / "w.duckdb", "select list(status) from meta.runs") == ["interrupted"]


def test_progress_lines_during_a_crawl_and_none_with_quiet(tmp_path):
    with ScriptedServer(slow_boards(3)) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": f"s{i}"} for i in range(3)])
        args = ["crawl", "--sources", str(sources), "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
        env = {"LEADS_PROGRESS_SECONDS": "0.5"}
        talking = run_leads(*args, "--warehouse", str(tmp_path / "a.duckdb"), env=env)
        quiet = run_leads(*args, "--warehouse", str(tmp_path / "b.duckdb"), "--quiet", env=env)
    progress = [line for line in talking.stderr.splitlines() if line.startswith("  crawl: ")]
    assert len(progress) >= 4 and "rows loaded" in progress[-1] and "failed" in progress[-1]
    assert not [line for line in quiet.stderr.splitlines() if line.startswith("  crawl: ")]
