"""Ctrl-C and SIGTERM end a command with 130 whatever they interrupt - the build, not only the crawl - and the run
is recorded as interrupted: never 1 with "unexpected RuntimeError: Query interrupted" or a dbt traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from tests.e2e.test_crawl import ROBOTS, greenhouse_jobs, write_sources
from tests.scripted_server import Reply, ScriptedServer


def interrupt_when(command: list[str], ready: str, delay: float, sig: int) -> tuple[int, str]:
    """Run `leads` in its own process group; `delay` s after a stderr line holding `ready`, signal the group."""
    process = subprocess.Popen(
        [sys.executable, "-m", "solar_leads.cli", *command],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    seen = threading.Event()

    def read() -> None:
        for line in process.stderr:  # type: ignore[union-attr]
            lines.append(line)
            if ready in line:
                seen.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert seen.wait(120), "".join(lines)[-3000:]
    time.sleep(delay)
    os.killpg(process.pid, sig)
    process.wait(timeout=120)
    reader.join(10)
    return process.returncode, "".join(lines)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_during_the_runs_build_is_130_and_an_interrupted_run(sig, tmp_path):
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/acme/jobs": [Reply(body=greenhouse_jobs("acme", 3))]}
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "acme"}])
        warehouse, out = tmp_path / "w.duckdb", tmp_path / "out"
        command = ["run", "--sources", str(sources), "--warehouse", str(warehouse), "--out", str(out)]
        # the crawl's summary is printed before the first build starts: stop it a moment into that build
        status, stderr = interrupt_when(command, "every request succeeded", 2.5, sig)
    assert status == 130, stderr[-3000:]
    assert "Traceback" not in stderr and "unexpected" not in stderr and "interrupted" in stderr.lower()
    assert not out.exists() or not list(out.iterdir())
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select list(status) from meta.runs").fetchall()[0][0] == ["interrupted"]
