"""The dbt project builds on a fresh warehouse: seeds, models, unit and data tests all pass."""

from __future__ import annotations

from pathlib import Path

import duckdb
import yaml

from tests.conftest import PROJECT, run_leads


def test_leads_build_runs_every_dbt_test(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    result = run_leads("build", "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Completed successfully" in result.stderr
    assert "ERROR=0" in result.stderr and "SKIP=0" in result.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        domains = con.execute("select count(*), count(distinct category) from seeds.authoritative_domains").fetchall()[
            0
        ]
        kinds = {r[0] for r in con.execute("select distinct match_kind from seeds.authoritative_domains").fetchall()}
    assert domains[0] >= 200 and domains[1] >= 12
    assert kinds == {"public_suffix", "registered_domain", "host_prefix", "label_pattern"}
    assert_every_mart_column_is_described(warehouse)
    assert_a_key_with_a_duplicate_or_a_null_fails_its_test(warehouse)
    assert_each_broken_check_of_rows_hold_is_named(warehouse)
    assert_a_changed_seed_reloads_into_the_existing_warehouse(warehouse)


def assert_every_mart_column_is_described(warehouse):
    """What people read - the marts and the export-shaped models - has a description for every column."""
    described: dict[str, set[str]] = {}
    for path in (PROJECT / "models" / "marts").rglob("*.yml"):
        for model in yaml.safe_load(path.read_text()).get("models", []):
            described[model["name"]] = {c["name"] for c in model.get("columns", []) if c.get("description")}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        relations = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]
        missing = {
            name: [
                c[0] for c in con.execute(f"describe marts.{name}").fetchall() if c[0] not in described.get(name, ())
            ]
            for name in relations
        }
    assert len(relations) >= 12 and not {name: cols for name, cols in missing.items() if cols}


def assert_a_key_with_a_duplicate_or_a_null_fails_its_test(warehouse):
    """primary_key (unique and not null in one pass) fails with each duplicated key and with a null one."""
    from solar_leads.config import load_config
    from solar_leads.warehouse.dbt_runner import DbtError, run_dbt

    with duckdb.connect(str(warehouse)) as con:
        con.execute("insert into marts.boards (board_key) values ('greenhouse:acme'), ('greenhouse:acme'), (null)")
    try:
        run_dbt(["test", "--select", "primary_key_boards_board_key"], warehouse, load_config().dbt_vars(), quiet=True)
    except DbtError as failed:
        assert "primary_key_boards_board_key" in str(failed) and "Got 2 results" in str(failed), str(failed)
        assert "key_value=greenhouse:acme, rows_with_it=2" in str(failed), str(failed)  # the failing rows are shown
    else:
        raise AssertionError("a duplicated and a null board_key passed primary_key")
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from marts.boards where board_key = 'greenhouse:acme' or board_key is null")


def assert_each_broken_check_of_rows_hold_is_named(warehouse):
    """rows_hold fails with one result per broken check, and the message names each with its count of rows."""
    from solar_leads.config import load_config
    from solar_leads.warehouse.dbt_runner import DbtError, run_dbt

    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "insert into marts.leads (company_key, last_seen, is_new, confidence_score) values "
            "('a', now(), null, 5), ('b', null, true, 100), ('c', null, false, 100), ('d', now(), true, 50)"
        )
    try:
        run_dbt(["test", "--select", "leads_rows_hold"], warehouse, load_config().dbt_vars(), quiet=True)
    except DbtError as failed:
        message = str(failed)
        assert "Got 3 results" in message, message
        for check, rows in (
            ("last_seen_not_null", 2),
            ("is_new_not_null", 1),
            ("confidence_score_within_threshold_and_100", 1),
        ):
            assert f"failed_check={check}, failing_rows={rows}" in message, message
    else:
        raise AssertionError("rows breaking three checks of leads passed rows_hold")
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from marts.leads where company_key in ('a', 'b', 'c', 'd')")


def assert_a_changed_seed_reloads_into_the_existing_warehouse(warehouse):
    """A warehouse built before a rule seed gained or lost a column still builds (seeds reload whole)."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute("alter table seeds.scoring_tiers drop column pv_specific")
        con.execute("alter table seeds.scoring_roles add column retired varchar")
    result = run_leads("build", "--warehouse", str(warehouse), "--select", "resource_type:seed")
    assert result.returncode == 0, result.stderr[-3000:]


def test_dbt_runs_from_the_repo_root_without_flags(tmp_path):
    """dbt's users run it as dbt: profiles.yml is where dbt looks (the project root), WAREHOUSE names the file."""
    import os
    import subprocess
    import sys

    dbt = str(Path(sys.executable).parent / "dbt")
    env = {**os.environ, "WAREHOUSE": str(tmp_path / "w.duckdb")}
    for command in (["build", "--select", "resource_type:seed", "stg_crawl__postings"], ["docs", "generate"]):
        result = subprocess.run([dbt, *command], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout[-3000:]
    target = Path(os.environ["DBT_TARGET_PATH"])
    assert "model.solar_leads.stg_crawl__postings" in (target / "catalog.json").read_text()
    assert "exposure.solar_leads.leads_export" in (target / "manifest.json").read_text()
    assert (target / "index.html").exists()


def test_a_warehouse_made_before_schema_versions_is_upgraded_and_builds(tmp_path):
    """A warehouse of the first schema version (before discovery and build signatures, no recorded version) with a
    crawled posting: `leads build` upgrades its tables, keeps the posting and builds it into the marts."""
    from solar_leads.warehouse.schema import SCHEMA_VERSION, versions

    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        for statement in versions()[0][1]:
            con.execute(statement)
        con.execute(
            "insert into raw.postings values ('20250101_000000', 'greenhouse', 'greenhouse:acme', '1', "
            "'https://boards.greenhouse.io/acme/jobs/1', '2025-01-01 00:00:00', 'Solar Designer', 'Acme Solar', "
            "'Austin, TX', 'Design residential PV systems in Aurora Solar and draft permit plan sets.', null, null)"
        )
    result = run_leads("build", "--warehouse", str(warehouse), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select max(version) from meta.schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert con.execute("select title, company from marts.postings").fetchall() == [("Solar Designer", "Acme Solar")]
