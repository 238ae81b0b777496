"""sources.yml: the README's example is valid, and a bad file is refused before any request."""

from __future__ import annotations

import pytest

from solar_leads.cli import main
from solar_leads.errors import UserError
from solar_leads.pipeline.sources import load_sources
from tests.conftest import PROJECT


def test_example_sources_file_parses():
    sources = load_sources(PROJECT / "sources.example.yml")
    assert set(sources.entries_by_type) == {
        "greenhouse",
        "lever",
        "ashby",
        "smartrecruiters",
        "workable",
        "jobposting",
        "searxng",
    }
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
        ("sources:\n  - {type: jobsearch, sites: [indeed, monster]}\n", "unknown site(s) monster"),
        ("sources:\n  - {type: jobsearch, sites: [glassdoor], base_url: 'http://x'}\n", "base_url works for indeed"),
        ("sources:\n  - {type: jobsearch, sites: indeed, results_per_term: 0}\n", "results_per_term must be a whole"),
        ("sources:\n  - {type: jobsearch, sites: indeed, terms: missing.txt}\n", "cannot read the terms file"),
        ("sources:\n  - {type: jobsearch, sites: indeed, terms: []}\n", "no search terms"),
        ("sources:\n  - {type: greenhouse, board: a, hours_old: 3}\n", "unknown key(s) hours_old"),
        ("sources: []\ndiscover: {probes: true}\n", "discover: unknown key(s) probes"),
        ("sources: []\ndiscover: {search: maybe}\n", "search must be true or false"),
        ("sources: []\ndiscover: {api_base_url: ftp://x}\n", "api_base_url must be an http(s) URL"),
    ],
)
def test_bad_sources_file_is_refused_before_crawling(tmp_path, capsys, content, message):
    sources = tmp_path / "sources.yml"
    sources.write_text(content)
    assert main(["crawl", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "w.duckdb").exists()


def test_jobsearch_defaults_to_the_wide_net_of_role_terms(tmp_path):
    from solar_leads.discovery.settings import job_search

    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - {type: jobsearch, sites: [indeed, linkedin], location: Texas}\ndiscover:\n")
    parsed = load_sources(sources)
    assert parsed.discovers and parsed.discover == {}
    search = job_search(parsed.entries_by_type["jobsearch"][0], "x", tmp_path)
    assert len(search.terms) == 65 and "electrical designer" in search.terms and "CAD drafter" in search.terms
    assert (search.location, search.results_per_term, search.hours_old) == ("Texas", 25, 72)


def test_terms_come_from_a_file_beside_the_sources(tmp_path):
    from solar_leads.discovery.settings import job_search

    (tmp_path / "terms.txt").write_text("# ours\nsolar designer\n\nPV drafter\nsolar designer\n")
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - {type: jobsearch, sites: [indeed], terms: terms.txt}\n")
    search = job_search(load_sources(sources).entries_by_type["jobsearch"][0], "x", tmp_path)
    assert search.terms == ("solar designer", "PV drafter")


def test_a_misspelled_top_level_key_is_refused_not_ignored(tmp_path, capsys):
    path = tmp_path / "sources.yml"
    path.write_text("user_agnet: me/1.0\nsources:\n  - {type: greenhouse, board: a}\n")
    with pytest.raises(UserError, match=r"unknown key\(s\) user_agnet \(known: discover, sources, user_agent\)"):
        load_sources(path)
    path.write_text("user_agent: [a, b]\nsources: []\n")
    with pytest.raises(UserError, match="user_agent must be text"):
        load_sources(path)
