"""The ad-hoc part of the dbt graph (models/adhoc) builds and passes its own unit tests."""

from __future__ import annotations

from solar_leads.config import load_config
from solar_leads.warehouse.compiled_models import adhoc_graph


def test_adhoc_models_pass_their_unit_tests_at_the_default_rules():
    """`leads score / decide / evaluate` create the ad-hoc views with `dbt run`; here `dbt build` also runs the
    ad-hoc unit tests (the worked examples of docs/enrichment-evidence.md, the scoring rules' cases) at the default
    configuration."""
    graph = adhoc_graph(load_config({}).dbt_vars(), "build")
    assert {"adhoc_scored_items", "adhoc_candidate_decisions", "adhoc_evaluation_confusion"} <= {
        m["name"] for m in graph.models
    }
