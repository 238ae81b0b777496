"""`leads query`: one read-only SELECT / WITH on the warehouse; everything else refused with a clear message."""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb
import pytest

from solar_leads.cli import main


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_leads(capsys):
    """`leads ARGS` in this process: exit status and what it printed."""

    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute(
            "create table marts.leads as select * from (values ('Sunpeak', 90), ('Helio', 60)) t(company, score)"
        )
    return path


def test_select_prints_a_table(run_leads, warehouse):
    result = run_leads(
        "query", "select company, score from marts.leads order by score desc", "--warehouse", str(warehouse)
    )
    assert result.returncode == 0, result.stderr
    assert "Sunpeak" in result.stdout and "(2 rows)" in result.stdout


def test_with_query_as_json(run_leads, warehouse):
    sql = "with top as (select * from marts.leads where score > 70) select company from top"
    result = run_leads("query", sql, "--format", "json", "--warehouse", str(warehouse))
    assert json.loads(result.stdout) == [{"company": "Sunpeak"}]


def test_csv_format(run_leads, warehouse):
    result = run_leads(
        "query",
        "select company from marts.leads order by 1",
        "--format",
        "csv",
        "--warehouse",
        str(warehouse),
    )
    assert result.stdout.splitlines() == ["company", "Helio", "Sunpeak"]


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("insert into marts.leads values ('x', 1)", "not INSERT"),
        ("delete from marts.leads", "not DELETE"),
        ("drop table marts.leads", "not DROP"),
        ("create table x as select 1", "not CREATE"),
        ("attach '/tmp/other.duckdb' as o", "not ATTACH"),
        ("copy marts.leads to '/tmp/x.csv'", "not COPY"),
        ("pragma database_list", "not PRAGMA"),
        ("set threads = 1", "not SET"),
        ("select * from read_csv('/etc/passwd')", "read_csv"),
        ("select * from '/etc/passwd'", "reading files"),
        ("select * from glob('/etc/*')", "glob"),
        ("select 1; select 2", "exactly one statement"),
        ("selec 1", "does not parse"),
    ],
)
def test_refused(run_leads, warehouse, sql, message):
    result = run_leads("query", sql, "--warehouse", str(warehouse))
    assert result.returncode == 2
    assert message in result.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from marts.leads").fetchall()[0][0] == 2


def test_missing_warehouse_is_a_clear_error(run_leads, tmp_path):
    result = run_leads("query", "select 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    assert "does not exist yet" in result.stderr
