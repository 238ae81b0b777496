"""The pipeline with the optional LLM extractor against a local OpenAI-compatible chat server."""

from __future__ import annotations

import json

import duckdb

from tests.conftest import run_leads
from tests.e2e.test_crawl import run_args
from tests.e2e.test_run_and_exports import board, search_answer
from tests.scripted_server import Reply, ScriptedServer
from tests.unit.pipeline.test_llm_client import completion


def chat_for_the_pipeline(body: str) -> Reply:
    """Answers like a small local model would: prose around JSON, a slow answer, and no answer at all."""
    prompt = json.loads(body)["messages"][1]["content"]
    if "Answer YES or NO" in prompt:
        return completion("YES")
    if "Fact: hq_city_state" in prompt:
        return completion(
            'Based on the snippets: {"value": "Austin, TX", "confidence": 0.95, '
            '"evidence_quote": "Headquarters: Austin, TX"}'
        )
    if "Fact: main_phone" in prompt:
        return completion('{"value": "(512) 555-0100"}', delay=3.0)  # slower than LLM_TIMEOUT
    return completion("I could not find that in the snippets.")


def test_pipeline_with_the_llm_extractor(tmp_path):
    routes = {
        "/robots.txt": [Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")],
        "/v1/boards/acme/jobs": [Reply(body=board())],
        "/search": [Reply(body=search_answer())],
        "/v1/chat/completions": [chat_for_the_pipeline],
    }
    with ScriptedServer(routes) as server:
        sources = tmp_path / "sources.yml"
        sources.write_text(
            f"sources:\n  - {{type: greenhouse, board: acme, base_url: '{server.url}'}}\n"
            f"  - {{type: searxng, base_url: '{server.url}'}}\n"
        )
        env = {
            "LLM_BASE_URL": f"{server.url}/v1",
            "LLM_MODEL": "local",
            "LLM_TIMEOUT": "1",
            "MAX_QUERIES": "1",
            "LABELED_DIR": str(tmp_path / "labeled"),
        }
        result = run_leads(*run_args(sources, tmp_path / "w.duckdb", tmp_path / "out"), env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        candidates = con.execute(
            "select field, candidate, model_conf, verdict, source_hint, extractor from marts.enrichment_candidates"
            " where company = 'Sunpeak Design Co'"
        ).fetchall()
        profile = con.execute(
            "select hq_city_state, main_phone from marts.company_profiles where company = 'Sunpeak Design Co'"
        ).fetchall()[0]
        timeouts = con.execute("select error from raw.crawl_log where kind = 'llm_error'").fetchall()
    assert candidates == [("hq_city_state", "Austin, TX", 0.95, "YES", "www.seia.org", "llm")]
    assert profile[0] == "Austin, TX" and profile[1] is None
    assert any("main_phone: timeout" in e[0] for e in timeouts)
