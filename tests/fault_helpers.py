"""What the fault tests share: scripted boards, a built warehouse to copy, a small disk, and checks of the
one-line error contract."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_leads
from tests.e2e.test_crawl import ROBOTS, write_sources
from tests.scripted_server import Reply, ScriptedServer

SOLAR_JOB = "&lt;p&gt;Design residential PV systems in Aurora Solar and draft permit plan sets.&lt;/p&gt;"


def board(name: str, count: int, start: int = 0, content: str = SOLAR_JOB) -> str:
    jobs = [
        {
            "id": start + n,
            "title": f"Solar Designer {start + n}",
            "company_name": f"{name.title()} Solar",
            "absolute_url": f"https://jobs.example/{name}/{start + n}",
            "location": {"name": "Austin, TX"},
            "content": content,
        }
        for n in range(count)
    ]
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
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}
    )


def wait_for(predicate, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def count(warehouse: Path, sql: str):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()[0][0]


def build_warehouse(tmp: Path) -> tuple[Path, Path]:
    """A warehouse and an output folder from one good `leads run` on a scripted board (copy before changing it)."""
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/acme/jobs": [Reply(body=board("acme", 3))]}
    with ScriptedServer(routes) as server:
        sources = tmp / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "acme"}])
        result = run_leads(
            "run", "--sources", str(sources), "--warehouse", str(tmp / "w.duckdb"), "--out", str(tmp / "out"), "--quiet"
        )
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "w.duckdb", tmp / "out"


def copy_of(built, tmp_path: Path) -> Path:
    warehouse = tmp_path / "w.duckdb"
    shutil.copy(built[0], warehouse)
    return warehouse


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
