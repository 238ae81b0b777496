"""An optional LLM extractor and verifier over any OpenAI-compatible chat-completions API (vLLM, llama.cpp,
Ollama, or a hosted service), configured by LLM_BASE_URL, LLM_MODEL, LLM_API_KEY and LLM_TIMEOUT.

Behaviour on bad output follows docs/enrichment-evidence.md: JSON is recovered from surrounding text (prose, code
fences), a verifier answer that is neither YES nor NO counts as NO, and a timeout is an LLMError the caller logs.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request

from solar_leads.config import LLMSettings


class LLMError(RuntimeError):
    """The LLM did not answer usefully (timeout, HTTP error, unreadable response)."""


def chat(settings: LLMSettings, system: str, user: str) -> str:
    """One chat completion; the assistant message's text."""
    body = json.dumps(
        {
            "model": settings.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        }
    ).encode()
    headers = {"Content-Type": "application/json"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key}"
    request = urllib.request.Request(f"{settings.base_url}/chat/completions", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:
            payload = json.loads(response.read())
    except TimeoutError:
        raise LLMError(f"timeout after {settings.timeout:g}s") from None
    except urllib.error.HTTPError as exc:
        raise LLMError(f"HTTP {exc.code} from {settings.base_url}") from None
    except urllib.error.URLError as exc:
        reason = "timeout" if isinstance(exc.reason, TimeoutError | socket.timeout) else str(exc.reason)
        raise LLMError(f"{reason} ({settings.base_url})") from None
    except json.JSONDecodeError:
        raise LLMError("the response is not JSON") from None
    try:
        return str(payload["choices"][0]["message"]["content"] or "")
    except (KeyError, IndexError, TypeError):
        raise LLMError("the response has no choices[0].message.content") from None


def recover_json(text: str) -> dict | None:
    """The first JSON object in `text`, even inside prose or a ```json fence; None if there is none."""
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    return None


def verdict_of(answer: str) -> str:
    """YES only when the answer's first word is yes; anything else (NO, maybe, empty) is NO."""
    words = re.findall(r"[A-Za-z]+", answer)
    return "YES" if words and words[0].upper() == "YES" else "NO"


EXTRACT_SYSTEM = (
    "You extract one fact about a company from web search snippets. Answer with JSON only: "
    '{"value": <string or null>, "confidence": <0..1>, "evidence_quote": <the exact snippet text that states it>}.'
)
VERIFY_SYSTEM = "You check a fact against web search snippets. Answer YES if the snippets state it, otherwise NO."


def _snippets(blocks: list[str]) -> str:
    return "\n".join(f"[{n}] {block}" for n, block in enumerate(blocks, start=1))


def extract(settings: LLMSettings, company: str, field: str, description: str, blocks: list[str]) -> dict | None:
    """{value, model_conf, evidence_quote} from the snippets, or None when the LLM gives no usable value."""
    answer = chat(
        settings, EXTRACT_SYSTEM, f"Company: {company}\nFact: {field} ({description})\nSnippets:\n{_snippets(blocks)}"
    )
    data = recover_json(answer)
    if not data or data.get("value") in (None, ""):
        return None
    try:
        confidence = min(1.0, max(0.0, float(data.get("confidence", 0))))
    except (TypeError, ValueError):
        confidence = 0.0
    return {
        "value": str(data["value"]).strip(),
        "model_conf": confidence,
        "evidence_quote": str(data.get("evidence_quote") or ""),
    }


def verify(settings: LLMSettings, company: str, field: str, value: str, blocks: list[str]) -> str:
    question = f"Company: {company}\nFact: {field} = {value}\nSnippets:\n{_snippets(blocks)}\nAnswer YES or NO."
    return verdict_of(chat(settings, VERIFY_SYSTEM, question))
