"""The optional LLM extractor and verifier, against a chat-completions server the tests start on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from solar_leads.config import LLMSettings
from solar_leads.errors import UserError
from solar_leads.pipeline.llm_client import LLMError, extract, recover_json, verdict_of, verify
from tests.scripted_server import Reply, ScriptedServer


def completion(text: str, delay: float = 0.0) -> Reply:
    body = {
        "id": "x",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
    }
    return Reply(body=json.dumps(body), delay=delay)


def settings(url: str, timeout: float = 5.0) -> LLMSettings:
    return LLMSettings(base_url=f"{url}/v1", model="test-model", timeout=timeout)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"value": "Austin, TX", "confidence": 0.9}', {"value": "Austin, TX", "confidence": 0.9}),
        (
            'Sure! Here it is:\n```json\n{"value": "2008", "confidence": 0.8}\n```\nHope that helps.',
            {"value": "2008", "confidence": 0.8},
        ),
        ('The answer is {not json} but then {"value": "x"} trailing', {"value": "x"}),
        ("no json here", None),
    ],
)
def test_json_is_recovered_from_surrounding_text(text, expected):
    assert recover_json(text) == expected


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [("YES", "YES"), ("yes, [2] says so.", "YES"), ("NO", "NO"), ("Maybe", "NO"), ("", "NO"), ("I think YES", "NO")],
)
def test_verifier_answers_other_than_yes_or_no_count_as_no(answer, verdict):
    assert verdict_of(answer) == verdict


def test_extract_and_verify_over_http_with_prose_around_the_json():
    answer = 'Here you go: {"value": " Austin, TX ", "confidence": 1.7, "evidence_quote": "in Austin, TX"}'
    replies = [completion(answer), completion("Maybe, hard to say.")]
    with ScriptedServer({"/v1/chat/completions": replies}) as server:
        found = extract(settings(server.url), "Acme", "hq_city_state", "headquarters", ["Acme is in Austin, TX"])
        assert found == {"value": "Austin, TX", "model_conf": 1.0, "evidence_quote": "in Austin, TX"}
        assert verify(settings(server.url), "Acme", "hq_city_state", "Austin, TX", ["..."]) == "NO"


def test_timeout_is_an_llm_error():
    slow = ScriptedServer({"/v1/chat/completions": [completion("YES", delay=2.0)]})
    with slow as server, pytest.raises(LLMError, match="timeout"):
        verify(settings(server.url, timeout=0.5), "Acme", "f", "v", ["..."])


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LLM_BASE_URL": "http://127.0.0.1:9"}, "LLM_MODEL is not"),
        ({"LLM_BASE_URL": "ftp://x", "LLM_MODEL": "m"}, "not an http(s) URL"),
        ({"LLM_BASE_URL": "http://x", "LLM_MODEL": "m", "LLM_TIMEOUT": "soon"}, "LLM_TIMEOUT='soon' is not a number"),
    ],
)
def test_llm_settings_are_validated(env, message):
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        LLMSettings.from_env(env)
