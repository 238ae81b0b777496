"""The example sources file in the README is valid."""

from __future__ import annotations

from pathlib import Path

from solar_leads.pipeline.sources import load_sources


def test_example_sources_file_parses():
    sources = load_sources(Path(__file__).parent.parent / "sources.example.yml")
    assert set(sources.entries_by_type) == {"greenhouse", "lever", "ashby", "smartrecruiters", "workable",
                                            "jobposting", "searxng"}  # fmt: skip
    assert sources.search_endpoint == "http://localhost:8888"
