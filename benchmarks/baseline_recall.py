"""A straightforward pure-Python evidence search and acceptance (the benchmark baseline): for each candidate,
scan every snippet block of its company and field with the same four passes, then apply the acceptance rules.
Not used by the product."""

from __future__ import annotations

import re

TOKEN = re.compile(r"\w{2,}")


def recall_used(quote: str, value: str, blocks: list[str]) -> int:
    quote, value = quote.lower(), value.lower()
    lowered = [b.lower() for b in blocks]
    tokens = set(TOKEN.findall(value))
    passes = [
        sum(1 for b in lowered if quote and quote in b),
        sum(1 for b in lowered if value and value in b),
    ]
    for count in passes:
        if count:
            return count
    if tokens:
        return sum(1 for b in lowered if len(tokens & set(TOKEN.findall(b))) >= 0.5 * len(tokens))
    return sum(1 for b in lowered if value and sum(ch in b for ch in value) >= 0.5 * len(value))


def decide(
    model_conf: float,
    authoritative: bool,
    hits: int,
    used: int,
    verdict: str,
    regex_ok: bool,
    min_confidence: float = 0.70,
) -> tuple[float, bool]:
    recall_factor = 0.0 if hits <= 0 else min(0.1, used / hits * 0.1)
    conf = round(0.4 * model_conf + 0.5 * (0.9 if authoritative else 0.6) + recall_factor, 10)
    zero_ok = conf >= 0.85 or authoritative or model_conf >= 0.9
    accepted = verdict.strip().upper() == "YES" and conf >= min_confidence and regex_ok and (used > 0 or zero_ok)
    return conf, accepted


HQ_FORMAT = re.compile(r"^[A-Z][A-Za-z .'-]+, [A-Z]{2}$", re.IGNORECASE)


def run(candidates: list[dict], blocks_by_key: dict[tuple[str, str], list[str]], authority: set[str]) -> int:
    """Accepted candidates; each candidate's source is its authoritative supporting host when it has one."""
    accepted = 0
    for c in candidates:
        blocks = blocks_by_key[(c["company_key"], c["field"])]
        used = recall_used(c["evidence_quote"], c["value"], blocks)
        regex_ok = HQ_FORMAT.fullmatch(c["value"].strip()) is not None
        verdict = "YES" if regex_ok and c["value"].lower() in c["evidence_quote"].lower() else "NO"
        _, ok = decide(c["model_conf"], bool(set(c["hosts"]) & authority), len(blocks), used, verdict, regex_ok)
        accepted += ok
    return accepted
