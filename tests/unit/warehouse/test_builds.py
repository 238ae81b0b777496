"""A build after the project changed recomputes the incremental models: their kept rows follow the old rules."""

from __future__ import annotations

from solar_leads.warehouse.builds import build_finished, build_started, needs_full_refresh, project_signature
from solar_leads.warehouse.connection import connect, ensure_raw_schema


def test_a_changed_project_asks_for_a_full_refresh_once(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        ensure_raw_schema(con)
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
        ensure_raw_schema(con)
        assert needs_full_refresh(con)


def test_the_signature_follows_the_rules_files(tmp_path, monkeypatch):
    from solar_leads.warehouse import builds

    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "a.sql").write_text("select 1")
    monkeypatch.setattr(builds, "PROJECT_DIR", tmp_path)
    before = project_signature()
    (tmp_path / "models" / "a.sql").write_text("select 2")
    assert project_signature() != before
