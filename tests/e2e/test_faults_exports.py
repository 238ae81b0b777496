"""Export faults (issue #12): nothing is exported that is not this run's, current and whole; nothing half-written;
the demo never enters a real warehouse."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from pathlib import Path

import pytest

from tests.conftest import run_leads
from tests.e2e.test_crawl import ROBOTS, run_args, write_sources
from tests.fault_helpers import (
    board,
    build_warehouse,
    copy_of,
    count,
    leads_process,
    one_line_error,
    small_disk,
)
from tests.scripted_server import Reply, ScriptedServer


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_warehouse(tmp_path_factory.mktemp("built"))


# 2. every source failed, on a warehouse with an earlier run


def test_every_source_failed_on_a_warehouse_with_an_earlier_run_exports_nothing(built, tmp_path):
    warehouse = copy_of(built, tmp_path)
    sources = tmp_path / "sources.yml"
    write_sources(sources, "http://127.0.0.1:9", [{"type": "greenhouse", "board": "gone"}])
    result = run_leads(*run_args(sources, warehouse, tmp_path / "out", "RETRY_TIMES=0"), "--quiet")
    assert result.returncode == 1 and "every source failed" in one_line_error(result)
    assert list((tmp_path / "out").iterdir()) == []  # the old run is not re-exported under its old id
    statuses = count(warehouse, "select list(status order by run_id) from meta.runs")
    assert statuses == ["ok", "failed"]


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
        result = run_leads(
            "run", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"), "--out", str(out)
        )
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
    assert [p.suffix for p in files] == [".jsonl", ".json", ".json", ".json", ".csv", ".csv"]  # leads, new leads
    umask = os.umask(0)
    os.umask(umask)
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o666 & ~umask}


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
