"""`leads` ends without the interpreter's teardown, and loses nothing by it: the exit handlers run, the output is
flushed, the exit status is the command's."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import atexit, sys
from solar_leads.exit import exit_now
atexit.register(lambda: sys.stdout.write(" and the exit handlers ran"))
sys.stdout.write("x" * 200_000)  # more than a pipe's buffer: written when flushed
sys.stderr.write("a line on stderr")
exit_now(3)
"""


def test_exit_now_flushes_runs_the_handlers_and_keeps_the_status():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stdout == "x" * 200_000 + " and the exit handlers ran"
    assert result.stderr == "a line on stderr"


def test_a_reader_that_stops_early_ends_the_command_quietly_with_141(tmp_path):
    """`leads query ... | head`: the reader is gone, so no message, and the status says the output was cut."""
    import duckdb

    warehouse = tmp_path / "w.duckdb"
    duckdb.connect(str(warehouse)).close()
    command = [
        sys.executable,
        "-m",
        "solar_leads.cli",
        "query",
        "select * from range(200000)",
        "--warehouse",
        str(warehouse),
        "--format",
        "csv",
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as leads:
        assert leads.stdout is not None and leads.stderr is not None
        leads.stdout.readline()
        leads.stdout.close()  # as `head -1` does
        stderr = leads.stderr.read().decode()
        assert leads.wait(timeout=120) == 141 and stderr == ""
