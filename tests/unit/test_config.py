"""Configuration is read from the environment and refused, with the bad value named, before any work."""

from __future__ import annotations

import pytest

from solar_leads.cli import main
from solar_leads.config import load_config
from solar_leads.errors import UserError
from tests.conftest import FIXTURES


def test_defaults_are_the_seeds():
    config = load_config({})
    assert (
        config.min_confidence,
        config.max_snippets_total,
        config.per_query_results,
        config.max_queries,
    ) == (
        0.70,
        80,
        10,
        12,
    )
    assert (config.lead_threshold, config.max_export) == (50, 100)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("MIN_CONFIDENCE", "abc", "MIN_CONFIDENCE='abc' is not a number"),
        ("MIN_CONFIDENCE", "1.5", "MIN_CONFIDENCE='1.5' is out of range"),
        ("MIN_CONFIDENCE", "nan", "out of range"),
        ("MAX_SNIPPETS_TOTAL", "0", "MAX_SNIPPETS_TOTAL='0' is out of range: it must be within 1..500"),
        ("MAX_SNIPPETS_TOTAL", "501", "out of range"),
        ("PER_QUERY_RESULTS", "2.5", "PER_QUERY_RESULTS='2.5' is not a whole number"),
        ("MAX_QUERIES", "51", "MAX_QUERIES='51' is out of range"),
        ("LEADS_MEMORY_LIMIT", "lots", "LEADS_MEMORY_LIMIT='lots' is not a size such as 500MB or 2GB"),
        ("LEADS_MEMORY_LIMIT", "-2GB", "LEADS_MEMORY_LIMIT='-2GB' is not a size"),
    ],
)
def test_bad_values_are_named(name, value, message):
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config({name: value})


def test_bad_configuration_exits_2_before_any_work(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.csv"
    monkeypatch.setenv("MAX_QUERIES", "99")
    assert main(["decide", "--input", str(FIXTURES / "decide_cases.csv"), "--output", str(out)]) == 2
    assert "MAX_QUERIES='99' is out of range" in capsys.readouterr().err
    assert not out.exists()
