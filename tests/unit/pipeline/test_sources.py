"""sources.yml: the README's example is valid, and a bad file is refused before any request."""

from __future__ import annotations

import pytest

from solar_leads.cli import main
from solar_leads.pipeline.sources import load_sources
from tests.conftest import PROJECT


def test_example_sources_file_parses():
    sources = load_sources(PROJECT / "sources.example.yml")
    assert set(sources.entries_by_type) == {"greenhouse", "lever", "ashby", "smartrecruiters", "workable",
                                            "jobposting", "searxng"}  # fmt: skip
    assert sources.search_endpoint == "http://localhost:8888"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sources:\n  - {type: monster, board: x}\n", "sources entry 1: unknown type 'monster'"),
        ("sources:\n  - {type: greenhouse, board: a}\n  - {type: lever}\n", "sources entry 2 (lever): missing site"),
        ("sources:\n  - {type: jobposting, url: ftp://x}\n", "url must be an http(s) URL"),
        ("sources:\n  - {type: greenhouse, board: a, boards: b}\n", "unknown key(s) boards"),
        ("sources:\n  - {type: greenhouse, board: a, base_url: '${NOPE_UNSET}'}\n", "NOPE_UNSET is not set"),
        ("nothing: here\n", "expected a mapping with a `sources:` list"),
    ],
)
def test_bad_sources_file_is_refused_before_crawling(tmp_path, capsys, content, message):
    sources = tmp_path / "sources.yml"
    sources.write_text(content)
    assert main(["crawl", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "w.duckdb").exists()
