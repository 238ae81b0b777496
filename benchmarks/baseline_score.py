"""A straightforward pure-Python implementation of the lead scoring rules (the benchmark baseline).

Reads the same rule seeds and the same CSV, compiles each lexicon into one regex once, and scores row by row
with the same gates, tiers and exclusions as macros/score_postings.sql. Not used by the product.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "dbt" / "seeds"


def _rows(name: str) -> list[dict[str, str]]:
    with (SEEDS / f"{name}.csv").open(newline="") as fh:
        return list(csv.DictReader(fh))


def _regex(terms: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(terms) + r")\b" if terms else r"$^", re.IGNORECASE)


class Rules:
    def __init__(self) -> None:
        lexicon: dict[str, list[str]] = defaultdict(list)
        for row in _rows("scoring_lexicon"):
            lexicon[row["lexicon"]].append(row["term"])
        self.lexicon = {name: _regex(terms) for name, terms in lexicon.items()}
        terms: dict[str, list[str]] = defaultdict(list)
        for row in _rows("scoring_signal_terms"):
            terms[row["tier"]].append(row["term"])
        self.tiers = sorted(
            (
                {**row, "weight": int(row["weight"]), "regex": _regex(terms[row["tier"]])}
                for row in _rows("scoring_tiers")
            ),
            key=lambda t: (-t["weight"], t["tier"]),
        )
        exclusions: dict[tuple[str, str], list[str]] = {}
        for row in _rows("scoring_exclusions"):
            exclusions.setdefault((row["category"], row["scope"]), []).append(row["term"])
        self.exclusions = [(category, scope, _regex(t)) for (category, scope), t in exclusions.items()]
        self.blocklist = _regex([row["company"] for row in _rows("scoring_company_blocklist")])


def score_row(rules: Rules, title: str, company: str, description: str, threshold: int) -> dict:
    title_text = title.strip() or description[:200]
    text = f"{title} {description}"
    lex = rules.lexicon
    cleaned = lex["false_solar_context"].sub(" ", text)
    context = bool(lex["solar_context"].search(cleaned)) or (
        bool(lex["solar_context_acronym"].search(cleaned)) and not lex["context_veto"].search(text)
    )
    scopes = {"title": title_text, "text": text}
    fired, reasons = [], []
    if context:
        for tier in rules.tiers:
            match = tier["regex"].search(scopes[tier["scope"]])
            if match and tier["requires_lexicon"]:
                match = match if lex[tier["requires_lexicon"]].search(scopes[tier["requires_scope"]]) else None
            if match:
                fired.append(tier)
                reasons.append({"signal": tier["description"], "tier": tier["tier"], "weight": tier["weight"],
                                "matched": match.group(0).lower()})  # fmt: skip
    company_match = lex["solar_company"].search(company)
    if company_match:
        reasons.append({"signal": "solar company name", "tier": "company", "weight": 10,
                        "matched": company_match.group(0).lower()})  # fmt: skip
    score = sum(t["weight"] for t in fired) + (10 if company_match else 0)
    lifts = {"text": any(t["overrides_text_exclusions"] == "true" for t in fired),
             "title": any(t["overrides_title_exclusions"] == "true" for t in fired)}  # fmt: skip
    exclusion = None
    if context:
        for category, scope, regex in rules.exclusions:
            if regex.search(scopes[scope]) and not lifts[scope]:
                exclusion = f"exclusions.{category}"
                break
    if rules.blocklist.search(company):
        category = "company_blocklist"
    elif not context:
        category = "no_solar_context"
    else:
        category = exclusion or ("below_threshold" if score < threshold else None)
    return {"score": score, "qualified": category is None,
            "confidence_score": min(score, 100) if category is None else None,
            "rejection_category": category, "reasons": reasons}  # fmt: skip


def score_file(source: Path, target: Path, threshold: int = 50) -> None:
    rules = Rules()
    csv.field_size_limit(sys.maxsize)
    with source.open(newline="", encoding="utf-8") as fin, target.open("w", encoding="utf-8") as fout:
        for row in csv.DictReader(fin):
            result = score_row(rules, row.get("title") or "", row.get("company") or "", row["description"], threshold)
            fout.write(json.dumps({"id": row["id"], **result}) + "\n")
