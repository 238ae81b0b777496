"""Bad input to `leads query`, `leads score` and `leads review import` (issue #12): exit 2 and one line, never a
traceback, no local paths in answers, and limits on time and memory."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from tests.conftest import run_leads
from tests.fault_helpers import (
    copy_of,
    one_line_error,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A small warehouse file: the query tests need tables, not a crawl."""
    warehouse = tmp_path_factory.mktemp("warehouse") / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema marts")
        con.execute(
            "create table marts.leads as select 'Acme Solar ' || range as company, 120 as score from range(5000)"
        )
    return warehouse, None


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
