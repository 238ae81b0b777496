"""The ad-hoc graph's cache: keyed by what shapes the compiled SQL, never by the per-call thresholds."""

from __future__ import annotations

from solar_leads.config import load_config
from solar_leads.warehouse.compiled_models import AdhocGraph, compile_vars
from solar_leads.warehouse.fingerprint import checks_signature


def test_thresholds_do_not_change_the_compile_key():
    default = load_config({}).dbt_vars()
    other = load_config({"LEAD_THRESHOLD": "70", "MIN_CONFIDENCE": "0.9"}).dbt_vars()
    assert default != other
    assert checks_signature(compile_vars(default)) == checks_signature(compile_vars(other))
    assert checks_signature(compile_vars({**default, "folds": 2})) == checks_signature(
        compile_vars(default)
    )  # leads tune


def test_a_compile_time_var_changes_the_key():
    default = load_config({}).dbt_vars()
    fewer_snippets = load_config({"MAX_SNIPPETS_TOTAL": "5"}).dbt_vars()
    assert checks_signature(compile_vars(default)) != checks_signature(compile_vars(fewer_snippets))


def test_upstream_of_keeps_only_what_the_models_read():
    graph = AdhocGraph(
        seeds=[{"name": "rules"}, {"name": "unused"}],
        sources=[],
        models=[
            {"name": "stg", "depends_on": [], "seeds": []},
            {"name": "scores", "depends_on": ["stg"], "seeds": ["rules"]},
            {"name": "other", "depends_on": [], "seeds": ["unused"]},
        ],
    )
    part = graph.upstream_of(["scores"])
    assert [m["name"] for m in part.models] == ["stg", "scores"] and [s["name"] for s in part.seeds] == ["rules"]


def test_seed_paths_are_kept_relative_to_the_project():
    """The cache must stay right when the checkout moves: seeds are found from the project directory."""
    from solar_leads.warehouse.compiled_models import _graph

    manifest = {
        "nodes": {
            "seed.p.rules": {
                "resource_type": "seed",
                "schema": "seeds",
                "alias": "rules",
                "root_path": "/old/place",
                "original_file_path": "dbt/seeds/rules.csv",
                "config": {"column_types": {"a": "varchar"}},
            },
            "model.p.v": {
                "resource_type": "model",
                "schema": "adhoc",
                "alias": "v",
                "compiled_code": "select 1",
                "depends_on": {"nodes": ["seed.p.rules"]},
                "tags": ["adhoc"],
            },
        },
        "sources": {},
    }
    graph = _graph(manifest, {"model.p.v"})
    assert graph.seeds[0]["path"] == "dbt/seeds/rules.csv"
    assert graph.models == [{"schema": "adhoc", "name": "v", "sql": "select 1", "depends_on": [], "seeds": ["rules"]}]
