"""The dbt project builds on a fresh warehouse: seeds, models, unit tests and data tests all pass."""

from __future__ import annotations

import duckdb

from tests.conftest import run_leads


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
