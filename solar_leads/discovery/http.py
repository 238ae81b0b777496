"""One JSON GET for discovery (search queries and board probes), with retries on what may pass and a verdict on
what will not: the answer, or why there is none."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import requests

RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Answer:
    url: str
    status: int | None = None
    document: Any = None
    outcome: str = "ok"  # ok, not_found, blocked, failed, unexpected_shape
    error: str | None = None
    attempts: int = 0


def get_json(
    session: requests.Session,
    url: str,
    timeout: float,
    retries: int = 2,
    retry_wait: float = 1.0,
    params: dict[str, str] | None = None,
) -> Answer:
    """GET `url` and parse its JSON. A timeout, a connection error, 429 and 5xx are retried (waiting retry_wait,
    then twice that, ...); 404 is `not_found`; 403 and 429 are `blocked`; a body that is not JSON is
    `unexpected_shape`."""
    answer = Answer(url)
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(retry_wait * attempt)
        answer.attempts = attempt + 1
        try:
            response = session.get(url, params=params, timeout=timeout)
        except requests.Timeout:
            answer.outcome, answer.error = "failed", f"no answer within {timeout:g}s"
            continue
        except requests.RequestException as exc:
            answer.outcome, answer.error = "failed", f"{type(exc).__name__}: {exc}"[:500]
            continue
        answer.url, answer.status = response.url, response.status_code
        if response.status_code == 404:
            answer.outcome, answer.error = "not_found", "404"
            return answer
        if response.status_code != 200:
            answer.outcome = "blocked" if response.status_code in (403, 429) else "failed"
            answer.error = f"HTTP {response.status_code}"
            if response.status_code in RETRY_STATUSES:
                continue
            return answer
        try:
            answer.document = json.loads(response.content)
        except (ValueError, RecursionError) as exc:
            answer.outcome, answer.error = "unexpected_shape", f"not JSON: {exc}"[:500]
            return answer
        answer.outcome, answer.error = "ok", None
        return answer
    return answer
