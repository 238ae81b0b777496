"""The loader tables come from one definition, the dbt macro create_raw_tables, for dbt and for the crawl."""

from __future__ import annotations

import duckdb

from solar_leads.warehouse.connection import RAW_TABLES, ensure_raw_schema


def test_the_crawl_creates_the_tables_the_macro_defines(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        ensure_raw_schema(con)
        ensure_raw_schema(con)  # idempotent: never touches existing tables
        tables = "select table_name from information_schema.tables where table_schema = ? order by 1"
        raw = [r[0] for r in con.execute(tables, ["raw"]).fetchall()]
        meta = {r[0] for r in con.execute(tables, ["meta"]).fetchall()}
    assert tuple(raw) == RAW_TABLES and meta == {"runs", "builds"}
