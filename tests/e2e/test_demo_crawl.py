"""The bundled demo corpus, served on 127.0.0.1 and crawled for real from demo/boards.yml (every board and career page
by hand): every source type, clean text, stable marts. How the demo finds those boards itself is test_discovery."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from demo.server import serve
from tests.conftest import PROJECT, run_leads

GOLDEN = PROJECT / "data" / "golden" / "golden-test-set.json"
# the demo server listens on a free port, different in every run: URLs are compared without it
CONTENT = (
    "select posting_id, company, title, location, description, regexp_replace(posting_url, ':[0-9]+/', '/')"
    " from marts.postings order by 1"
)


def crawl(warehouse: Path, run: int) -> None:
    with serve() as base_url:
        result = run_leads(
            "crawl",
            "--sources",
            str(PROJECT / "demo" / "boards.yml"),
            "--warehouse",
            str(warehouse),
            "--run-id",
            f"20260101_00000{run}",
            env={"DEMO_URL": base_url},
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "every request succeeded" in result.stderr


def build(warehouse: Path) -> None:
    """Up to marts.postings: what these tests read (the whole build is tested in test_dbt_project)."""
    result = run_leads("build", "--warehouse", str(warehouse), "--select", "+postings")
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    """The demo crawled once, and the same crawl run twice (the second warehouse starts as a copy of the first)."""
    tmp = tmp_path_factory.mktemp("demo")
    once, twice = tmp / "once.duckdb", tmp / "twice.duckdb"
    crawl(once, 0)
    shutil.copyfile(once, twice)
    crawl(twice, 1)
    build(once)
    build(twice)
    return once, twice


def test_every_source_type_loads(warehouses):
    with duckdb.connect(str(warehouses[0]), read_only=True) as con:
        by_source = dict(con.execute("select source, count(*) from raw.postings group by 1").fetchall())
    assert set(by_source) == {"greenhouse", "lever", "ashby", "smartrecruiters", "workable", "jobposting", "workday"}
    assert sum(by_source.values()) >= 300


def test_descriptions_are_clean_text(warehouses):
    with duckdb.connect(str(warehouses[0]), read_only=True) as con:
        dirty = con.execute(
            "select count(*) from raw.postings where regexp_matches(description, '<[a-z/][^>]*>|&(lt|gt|amp|quot);')"
        ).fetchall()[0][0]
        empty = con.execute(
            "select count(*) filter (where json_extract_string(payload, '$.detail') is distinct from 'not_fetched'), "
            "count(*) from raw.postings where length(trim(description)) = 0"
        ).fetchall()[0]
    # only the jobs listed without their detail (the demo's Workday titles that miss the wide net) have no text
    assert dirty == 0 and empty[0] == 0 and empty[1] > 0


def test_every_jsonld_layout_is_read(warehouses):
    """Career pages hold one object per script, a list, or an @graph: every demo posting on them is loaded."""
    expected = sum(1 for line in (PROJECT / "demo" / "boards.yml").read_text().splitlines() if '"jobposting"' in line)
    with duckdb.connect(str(warehouses[0]), read_only=True) as con:
        pages = con.execute(
            "select count(distinct source_key) from raw.postings where source = 'jobposting'"
        ).fetchall()[0]
    assert pages[0] == expected


def test_the_same_crawl_twice_gives_the_same_marts_postings(warehouses):
    once, twice = warehouses
    with duckdb.connect(str(once), read_only=True) as a, duckdb.connect(str(twice), read_only=True) as b:
        assert a.execute(CONTENT).fetchall() == b.execute(CONTENT).fetchall()
        raw_twice = b.execute("select count(*) from raw.postings").fetchall()[0][0]
        assert raw_twice == 2 * a.execute("select count(*) from raw.postings").fetchall()[0][0]


def test_golden_set_postings_are_all_in_the_demo(warehouses):
    items = json.loads(GOLDEN.read_text())["items"]
    with duckdb.connect(str(warehouses[0]), read_only=True) as con:
        titles = {r[0] for r in con.execute("select distinct title from raw.postings").fetchall()}
    assert {item["title"].strip() for item in items} <= titles
