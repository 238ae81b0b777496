"""The incremental build: postings, scores and leads after each run's build are exactly what a full rebuild of the
same raw data gives - through the cases that move sightings between postings: a retitled job at a known URL, a
requisition that disappears, a new requisition of an existing title, and a job also found on LinkedIn."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb

from benchmarks.bench_build import COMPARED, marts_digest
from tests.conftest import run_leads
from tests.e2e.test_crawl import ROBOTS, write_sources
from tests.scripted_server import Reply, ScriptedServer

TEXT = (
    "<p>Design residential PV systems in Aurora Solar and draft permit plan sets for our installers.</p>"
    "<p>Acme Solar is headquartered in Austin, TX.</p>"
)  # a value the enrichment fallback takes from the posting


def job(job_id: int, title: str, location: str = "Austin, TX") -> dict:
    return {
        "id": job_id,
        "title": title,
        "company_name": "Acme Solar",
        "location": {"name": location},
        "absolute_url": f"https://jobs.example/acme/{job_id}",
        "content": TEXT,
    }


RUNS = [
    [job(1, "Solar Designer"), job(2, "Solar Designer"), job(3, "PV Drafter", "Denver, CO")],
    [job(2, "Solar Designer"), job(3, "Senior PV Drafter", "Denver, CO"), job(4, "Solar Designer")],
    [job(1, "Solar Designer"), job(4, "Solar Designer"), job(5, "PV Designer", "Denver, CO")],
]


def crawled_warehouse(tmp_path: Path) -> Path:
    """A warehouse holding the first run's crawl, not built yet."""
    warehouse = tmp_path / "w.duckdb"
    with ScriptedServer(
        {"/robots.txt": [ROBOTS], "/v1/boards/acme/jobs": [Reply(200, json.dumps({"jobs": RUNS[0]}))]}
    ) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "acme"}])
        assert run_leads("crawl", "--sources", str(sources), "--warehouse", str(warehouse)).returncode == 0
    return warehouse


def test_every_incremental_build_equals_a_full_rebuild(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    replies = [Reply(200, json.dumps({"jobs": jobs})) for jobs in RUNS]
    with ScriptedServer({"/robots.txt": [ROBOTS], "/v1/boards/acme/jobs": replies}) as server:
        sources = tmp_path / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "acme"}])
        for run in range(len(RUNS)):
            crawl = run_leads(
                "crawl", "--sources", str(sources), "--warehouse", str(warehouse), "--run-id", f"20260101_00000{run}"
            )
            assert crawl.returncode == 0, crawl.stderr[-2000:]
            build = run_leads("build", "--warehouse", str(warehouse), "--quiet")
            assert build.returncode == 0, build.stderr[-3000:]
            rebuilt = tmp_path / f"rebuilt-{run}.duckdb"
            shutil.copyfile(warehouse, rebuilt)
            full = run_leads("build", "--warehouse", str(rebuilt), "--full-refresh", "--quiet")
            assert full.returncode == 0, full.stderr[-3000:]
            assert marts_digest(warehouse) == marts_digest(rebuilt), f"run {run}: {COMPARED}"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        postings = con.execute("select title, sightings from marts.postings order by title, sightings").fetchall()
    # jobs 1, 2 and 4 are three requisitions of one title, each seen twice; job 3 moved to its new title; 5 is new
    assert postings == [("PV Designer", 1), ("Senior PV Drafter", 2), *[("Solar Designer", 2)] * 3]


def test_a_changed_threshold_rescores_every_kept_posting(tmp_path: Path):
    """The kept scores name the rules they were made by: a build under another LEAD_THRESHOLD scores all again, and
    the values kept for the fallback follow the postings in and out of qualification. The seeds and unit tests run
    again under new vars, and are skipped by a build that changes nothing."""
    warehouse = crawled_warehouse(tmp_path)

    def build(threshold: str) -> str:
        result = run_leads("build", "--warehouse", str(warehouse), "--quiet", env={"LEAD_THRESHOLD": threshold})
        assert result.returncode == 0, result.stderr[-3000:]
        with duckdb.connect(str(warehouse), read_only=True) as con:
            counts = con.execute("select count(*) filter (where qualified), count(*) from marts.lead_scores").fetchall()
            stated = con.execute("select count(*) from intermediate.int_posting_field_values").fetchall()[0][0]
            fallbacks = con.execute(
                "select count(*) from marts.enrichment_decisions where decision_kind = 'fallback_accept'"
            ).fetchall()[0][0]
        assert (counts, stated, fallbacks) == (([(3, 3)], 3, 1) if threshold == "50" else ([(0, 3)], 0, 0))
        return result.stderr

    assert "skipped" not in build("50")
    assert "the seeds and unit tests were skipped" in build("50")
    assert "skipped" not in build("1000")
    build("50")
    rebuilt = tmp_path / "rebuilt.duckdb"
    shutil.copyfile(warehouse, rebuilt)
    full = run_leads("build", "--warehouse", str(rebuilt), "--full-refresh", "--quiet", env={"LEAD_THRESHOLD": "50"})
    assert full.returncode == 0, full.stderr[-3000:]
    assert marts_digest(warehouse) == marts_digest(rebuilt)


def test_a_view_is_made_again_only_when_its_sql_changed(tmp_path: Path):
    """A build leaves a view whose compiled SQL is the one it was made from (the md5 in its comment), and makes again
    one whose SQL changed (here: a stale comment) and, under --full-refresh, every view."""
    warehouse = crawled_warehouse(tmp_path)

    def build(*flags: str) -> tuple[set[str], dict[str, str]]:
        """The views the build left as they were, and every view's comment after it."""
        result = run_leads("build", "--warehouse", str(warehouse), *flags)
        assert result.returncode == 0, result.stderr[-3000:]
        left = set(re.findall(r"OK created sql view_if_changed model (\S+) \.+ \[\S*VIEW UNCHANGED", result.stderr))
        with duckdb.connect(str(warehouse), read_only=True) as con:
            comments = dict(
                con.execute(
                    "select schema_name || '.' || view_name, comment from duckdb_views() where not internal"
                ).fetchall()
            )
        return left, comments

    left, made = build()
    assert not left and {"staging.stg_crawl__postings", "marts.export_leads"} <= set(made)
    assert all(comment.startswith("dbt:") for comment in made.values())
    with duckdb.connect(str(warehouse)) as con:
        con.execute("comment on view staging.stg_crawl__postings is 'dbt:stale'")
    left, again = build()
    assert left == set(made) - {"staging.stg_crawl__postings"} and again == made
    left, refreshed = build("--full-refresh")
    assert not left and refreshed == made


def test_a_table_model_is_replaced_whole_and_takes_the_place_of_a_view(tmp_path: Path):
    """Our table materialization (create or replace, in the model's transaction) gives a table model its new rows, no
    copy or backup left beside it, and replaces a view standing in its place."""
    warehouse = crawled_warehouse(tmp_path)
    assert run_leads("build", "--warehouse", str(warehouse), "--quiet").returncode == 0
    with duckdb.connect(str(warehouse)) as con:
        leads = con.execute("select * from marts.leads order by company_key").fetchall()
        con.execute("delete from marts.leads")
        con.execute("drop table marts.run_stats")
        con.execute("create view marts.run_stats as select 1 as stale")
    result = run_leads("build", "--warehouse", str(warehouse), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select * from marts.leads order by company_key").fetchall() == leads and leads
        kinds = dict(
            con.execute(
                "select table_name, table_type from information_schema.tables where table_schema = 'marts'"
            ).fetchall()
        )
    assert kinds["run_stats"] == "BASE TABLE" and kinds["leads"] == "BASE TABLE"
    assert not [name for name in kinds if "__dbt" in name]


def test_the_sighting_tests_check_the_sightings_the_build_keys(tmp_path: Path):
    """The data tests of the raw sightings read what the build keys: in a daily build the sightings loaded since the
    last one (a bad new one fails it), in a full build every sighting."""
    warehouse = crawled_warehouse(tmp_path)
    assert run_leads("build", "--warehouse", str(warehouse), "--quiet").returncode == 0

    def add_sighting(scraped_at: str) -> None:
        with duckdb.connect(str(warehouse)) as con:
            con.execute("delete from raw.postings where source = 'bogus'")
            con.execute(
                "insert into raw.postings by name select run_id, 'bogus' as source, source_key, "
                "external_id || '-x' as external_id, url || '-x' as url, ?::timestamp as scraped_at, title, "
                "company, location, description from raw.postings limit 1",
                [scraped_at],
            )

    def build(*flags: str) -> str:
        result = run_leads("build", "--warehouse", str(warehouse), "--quiet", *flags)
        return "" if result.returncode == 0 else result.stderr

    failing = "stg_crawl__postings_rows_hold"
    add_sighting("2999-01-01")
    assert failing in build()
    add_sighting("2000-01-01")  # older than every keyed sighting: a daily build does not key it, nor test it
    assert build() == ""
    assert failing in build("--full-refresh")


def test_a_key_written_twice_fails_its_test(tmp_path: Path):
    """The key tests of the models kept between builds check the keys of the rows the build wrote (primary_key's
    `written`): a second row with a written posting's or URL's key fails them, as does a null key anywhere."""
    from solar_leads.config import load_config
    from solar_leads.warehouse.dbt_runner import DbtError, run_dbt

    warehouse = crawled_warehouse(tmp_path)
    assert run_leads("build", "--warehouse", str(warehouse), "--quiet").returncode == 0
    tests = [
        "primary_key_postings_posting_id__touched_postings",
        "primary_key_int_postings_scored_posting_id__scored_postings",
        "primary_key_int_posting_urls_canonical_url__decided_urls",
    ]

    def failing() -> set[str]:
        try:
            run_dbt(["test", "--select", *tests], warehouse, load_config().dbt_vars(), quiet=True)
        except DbtError as failed:
            return set(re.findall(r"test\.solar_leads\.(\w+)\.", str(failed)))
        return set()

    assert failing() == set()
    with duckdb.connect(str(warehouse)) as con:
        for table in ("marts.postings", "intermediate.int_postings_scored", "intermediate.int_posting_urls"):
            con.execute(f"insert into {table} select * from {table} limit 1")
    assert failing() == set(tests)
    with duckdb.connect(str(warehouse)) as con:
        for table in ("marts.postings", "intermediate.int_postings_scored", "intermediate.int_posting_urls"):
            con.execute(f"create or replace table {table} as select distinct * from {table}")
        con.execute("update marts.postings set posting_id = null where rowid = (select min(rowid) from marts.postings)")
    assert failing() == {tests[0]}


def test_the_score_checks_read_the_scores_the_build_wrote(tmp_path: Path):
    """rows_hold's `written`: a daily build checks the scores it wrote (a broken one fails it, naming the check), not
    the scores kept from earlier builds, which their own build checked."""
    from solar_leads.config import load_config
    from solar_leads.warehouse.dbt_runner import DbtError, run_dbt

    warehouse = crawled_warehouse(tmp_path)
    assert run_leads("build", "--warehouse", str(warehouse), "--quiet").returncode == 0

    def failing() -> str:
        try:
            run_dbt(["test", "--select", "scores_hold"], warehouse, load_config().dbt_vars(), quiet=True)
        except DbtError as failed:
            return str(failed)
        return ""

    def break_a_score(kept: bool) -> None:
        with duckdb.connect(str(warehouse)) as con:
            latest = "(select max(scored_at) from intermediate.int_postings_scored)"
            written = f"(select min(posting_id) from intermediate.int_postings_scored where scored_at = {latest})"
            earlier = ", scored_at = scored_at - interval 1 day" if kept else ""  # as if an earlier build scored it
            con.execute(
                f"update intermediate.int_postings_scored set rules_hash = null{earlier} where posting_id = {written}"
            )

    assert failing() == ""
    break_a_score(kept=True)
    assert failing() == ""
    break_a_score(kept=False)
    assert "failed_check=rules_hash_not_null, failing_rows=1" in failing()
