"""The warehouse's own tables: one definition per schema version (macros/warehouse/schema/), run by dbt and by
`leads`, upgrading a warehouse of any earlier version and refusing one of a later version."""

from __future__ import annotations

import re

import duckdb
import pytest

from solar_leads.config import PROJECT_DIR
from solar_leads.errors import UserError
from solar_leads.warehouse.schema import RAW_TABLES, SCHEMA_VERSION, migrate, schema_version, versions

TABLES = "select table_schema || '.' || table_name from information_schema.tables order by 1"


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    schema, name = table.split(".")
    query = "select column_name from information_schema.columns where table_schema = ? and table_name = ?"
    return [row[0] for row in con.execute(query, [schema, name]).fetchall()]


def test_a_new_warehouse_gets_every_table_at_the_latest_version(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        migrate(con)
        tables = [row[0] for row in con.execute(TABLES).fetchall()]
        migrate(con)  # at the latest version: nothing to do, nothing touched
        assert [row[0] for row in con.execute(TABLES).fetchall()] == tables
        assert schema_version(con) == SCHEMA_VERSION == len(versions())
        assert con.execute("select count(*) from meta.schema_version").fetchall()[0][0] == 1
    assert [t.split(".")[1] for t in tables if t.startswith("raw.")] == list(RAW_TABLES)
    assert {t for t in tables if t.startswith("meta.")} == {"meta.runs", "meta.builds", "meta.schema_version"}


def test_dbt_runs_every_version_and_records_the_latest():
    """macros/warehouse/migrate_warehouse.sql (dbt's on-run-start) names each version file and records the last."""
    macro = (PROJECT_DIR / "macros" / "warehouse" / "migrate_warehouse.sql").read_text(encoding="utf-8")
    called = [int(n) for n in re.findall(r"\{\{ warehouse_schema_v(\d{3})\(\) \}\}", macro)]
    assert called == [number for number, _ in versions()] == list(range(1, SCHEMA_VERSION + 1))
    assert re.findall(r"select (\d+), current_timestamp", macro) == [str(SCHEMA_VERSION)]
    assert re.findall(r"< (\d+);", macro) == [str(SCHEMA_VERSION)]


def test_a_warehouse_of_the_first_version_is_upgraded_and_keeps_its_rows(tmp_path):
    """A warehouse made before discovery and the build signatures (version 1, which recorded no version) gains
    their tables and columns; its rows stay as they were."""
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        for statement in versions()[0][1]:
            con.execute(statement)
        con.execute("insert into raw.crawl_log (run_id, logged_at, kind) values ('r1', now()::timestamp, 'http')")
        con.execute(
            "insert into meta.builds (build_id, complete, raw_signature, started_at) "
            "values (1, true, 'postings=0', now()::timestamp)"
        )
        assert schema_version(con) == 1
        migrate(con)
        assert schema_version(con) == SCHEMA_VERSION
        assert {"source_key", "term"} <= set(columns(con, "raw.crawl_log"))
        assert {"project_signature", "checks_signature"} <= set(columns(con, "meta.builds"))
        assert {"raw.boards", "raw.discovery_log"} <= {row[0] for row in con.execute(TABLES).fetchall()}
        assert con.execute("select run_id, kind, source_key from raw.crawl_log").fetchall() == [("r1", "http", None)]
        assert con.execute("select build_id, project_signature from meta.builds").fetchall() == [(1, None)]


def test_a_warehouse_of_a_later_version_is_refused_untouched(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        migrate(con)
        con.execute("insert into meta.schema_version values (?, now()::timestamp)", [SCHEMA_VERSION + 1])
        with pytest.raises(UserError, match=f"schema version {SCHEMA_VERSION + 1}, made by a newer solar-leads"):
            migrate(con)


def test_an_export_of_a_warehouse_of_an_earlier_version_asks_for_a_build(tmp_path):
    """Its marts were made by earlier code and its raw tables lack what later code reads (raw.boards): one line
    naming `leads build`, never a CatalogException."""
    from solar_leads.warehouse.builds import check_marts_current

    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        for statement in versions()[0][1]:
            con.execute(statement)
        con.execute(
            "insert into meta.builds (build_id, complete, raw_signature, started_at, finished_at) "
            "values (1, true, 'postings=0', now()::timestamp, now()::timestamp)"
        )
        with pytest.raises(UserError, match=r"schema version 1 of \d+\): run `leads build`"):
            check_marts_current(con)
