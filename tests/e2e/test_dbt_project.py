"""The dbt project builds on a fresh warehouse - seeds, models, unit and data tests all pass - and so does the
ad-hoc part of the graph (models/adhoc) with its own unit tests."""

from __future__ import annotations

import duckdb

from solar_leads.config import load_config
from solar_leads.warehouse.compiled_models import adhoc_graph
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


def test_adhoc_models_pass_their_unit_tests_at_the_default_rules():
    """`leads score / decide / evaluate` create the ad-hoc views with `dbt run`; here `dbt build` also runs the
    ad-hoc unit tests (the seed's worked examples, the scoring rules' cases) at the default configuration."""
    graph = adhoc_graph(load_config({}).dbt_vars(), "build")
    assert {"adhoc_scored_items", "adhoc_candidate_decisions", "adhoc_evaluation_confusion"} <= {
        m["name"] for m in graph.models
    }
