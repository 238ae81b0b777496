"""A build after the project changed recomputes the incremental models: their kept rows follow the old rules."""

from __future__ import annotations

from importlib.metadata import version

from solar_leads.warehouse.builds import (
    SEEDS,
    build_finished,
    build_started,
    checks_passed,
    needs_full_refresh,
)
from solar_leads.warehouse.connection import connect
from solar_leads.warehouse.fingerprint import checks_signature, project_signature
from solar_leads.warehouse.schema import migrate


def test_a_changed_project_asks_for_a_full_refresh_once(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        migrate(con)
        assert not needs_full_refresh(con)  # no build yet: the first is full anyway
        build_id = build_started(con, None, True)
        assert not needs_full_refresh(con)  # an unfinished build decides nothing
        build_finished(con, build_id)
        assert not needs_full_refresh(con)
        con.execute("update meta.builds set project_signature = 'older version'")
        assert needs_full_refresh(con)
        build_finished(con, build_started(con, None, True))
        assert not needs_full_refresh(con)


def test_a_warehouse_from_before_the_signature_is_refreshed(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        con.execute("create schema meta")
        con.execute(
            "create table meta.builds (build_id integer primary key, selection varchar, complete boolean "
            "not null, raw_signature varchar not null, started_at timestamp not null, finished_at timestamp)"
        )
        con.execute("insert into meta.builds values (1, null, true, '', now(), now())")
        migrate(con)
        assert needs_full_refresh(con)


def test_the_signature_follows_the_rules_files(tmp_path, monkeypatch):
    from solar_leads.warehouse import fingerprint

    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "a.sql").write_text("select 1")
    monkeypatch.setattr(fingerprint, "PROJECT_DIR", tmp_path)
    before = project_signature()
    (tmp_path / "models" / "a.sql").write_text("select 2")
    assert project_signature() != before


def _finished_build(con, selection=None, complete=True, checks=None):
    build_finished(con, build_started(con, selection, complete, checks))


def _load_seeds(con):
    con.execute("create schema if not exists seeds")
    for path in SEEDS.glob("*.csv"):
        con.execute(f"create table if not exists seeds.{path.stem} (x integer)")


def test_seeds_and_unit_tests_are_skipped_only_after_a_whole_build_ran_them_under_the_same_signature(tmp_path):
    signature = checks_signature({"lead_threshold": 50})
    with connect(tmp_path / "w.duckdb") as con:
        migrate(con)
        _load_seeds(con)
        assert not checks_passed(con, signature)  # no build yet
        _finished_build(con)  # a build that skipped them proves nothing
        assert not checks_passed(con, signature)
        _finished_build(con, selection="--select postings", complete=False, checks=signature)  # only a part's
        assert not checks_passed(con, signature)
        build_started(con, None, True, signature)  # one that did not finish
        assert not checks_passed(con, signature)
        _finished_build(con, checks=signature)
        assert checks_passed(con, signature)
        assert not checks_passed(con, checks_signature({"lead_threshold": 60}))  # the unit tests read the vars
        con.execute("drop table seeds.scoring_tiers")  # a seed gone from the warehouse is loaded again
        assert not checks_passed(con, signature)


def test_the_toolchain_is_part_of_the_signature(monkeypatch):
    from solar_leads.warehouse import fingerprint

    before = project_signature()
    monkeypatch.setattr(fingerprint, "version", lambda name: "99.0" if name == "duckdb" else version(name))
    assert project_signature() != before


def test_warehouses_of_one_name_share_their_dbt_parse_state(tmp_path, monkeypatch):
    from solar_leads.pipeline.build import target_path

    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path))
    first, second = target_path(tmp_path / "a" / "w.duckdb"), target_path(tmp_path / "b" / "w.duckdb")
    other = target_path(tmp_path / "a" / "x.duckdb")
    assert first == second != other and first.parent == other.parent == tmp_path / "warehouses"


def test_the_parse_state_leaves_out_the_warehouse_path_but_not_its_database():
    from dbt.adapters.duckdb.credentials import DuckDBCredentials

    from solar_leads.warehouse.dbt_runner import parse_state_without_the_path

    parse_state_without_the_path()
    parse_state_without_the_path()  # once is enough; again changes nothing
    keys = dict(DuckDBCredentials(database="w", schema="main", path="/x/w.duckdb").connection_info())
    assert "path" not in keys and keys["database"] == "w"


def test_a_build_of_named_models_runs_their_seeds_and_unit_tests(tmp_path):
    from solar_leads.config import load_config
    from solar_leads.pipeline.build import plan_builds

    config = load_config().with_paths(tmp_path / "w.duckdb", None)
    with connect(config.warehouse) as con:
        migrate(con)
        _load_seeds(con)
        _finished_build(con, checks=checks_signature(config.dbt_vars()))
    assert plan_builds(config).checks is None  # a whole build of the same project passed them
    assert plan_builds(config, selected=True).checks is not None  # `--select` builds what it names
    assert plan_builds(config, full_refresh=True).checks is not None
