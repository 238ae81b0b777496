"""A straightforward pure-Python implementation of the lead scoring rules (the benchmark baseline).

Reads the same rule seeds and the same CSV, compiles each lexicon into one regex once, and scores row by row
with the same gates, roles, tiers and exclusions as macros/scoring/score_postings.sql, written for speed the way the
original scraper is (docs/lead-scoring.md): each text lowercased once, a cheap literal test for solar context
first with an early exit. Not used by the product.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from solar_leads.config import SEEDS_DIR

SEEDS = SEEDS_DIR
FIRST_SENTENCE = re.compile(r"^\s*([^.!?\n]{0,160})")
HEADER = re.compile(
    r"^\s*(about (the|this) (job|role|position|opportunity)|job (description|summary|details|overview)|"
    r"(position|role) (description|summary|overview)|description|overview|summary)\s*:?\s*(\n|$)",
    re.IGNORECASE,
)
# a superset test for the context lexicons' words, cheaper than any regex: no hit, no solar context
CONTEXT_WORDS = ("solar", "photovoltaic", "renewable energy", "pv")


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
        self.negated = re.compile(self.lexicon["negation_cue"].pattern + r"[^.!?;\n]*", re.IGNORECASE)
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
        exclusions: dict[str, list[str]] = {}
        for row in _rows("scoring_exclusions"):
            exclusions.setdefault(row["category"], []).append(row["term"])
        self.exclusions = [(category, _regex(t)) for category, t in exclusions.items()]
        roles: dict[str, dict[str, list[str]]] = {}
        for row in sorted(_rows("scoring_roles"), key=lambda r: int(r["precedence"])):
            roles.setdefault(row["role_class"], {"term": [], "unless": []})[row["kind"]].append(row["term"])
        self.roles = [
            (name, _regex(k["term"]), _regex(k["unless"]) if k["unless"] else None) for name, k in roles.items()
        ]
        blocked: dict[str, list[str]] = defaultdict(list)
        for row in _rows("scoring_company_blocklist"):
            blocked[row["scope"]].append(row["company"])
        self.blocked_always, self.blocked_industry = _regex(blocked["always"]), _regex(blocked["industry"])


def role_of(rules: Rules, role_title: str, shows_design_work: bool) -> tuple[str, str | None]:
    for name, terms, unless in rules.roles:
        match = terms.search(role_title)
        if match and not (unless and unless.search(role_title)):
            if name == "engineering":
                return ("design" if shows_design_work else "other_engineering"), match.group(0).lower()
            return name, match.group(0).lower()
    return ("design" if shows_design_work else "unrelated"), None


def score_row(rules: Rules, title: str, company: str, description: str, threshold: int, prefilter: bool = True) -> dict:
    lex = rules.lexicon
    full = f"{title}.\n{description}"
    solar_company = lex["solar_company"].search(company)
    blocked = bool(rules.blocked_always.search(company)) or (
        bool(rules.blocked_industry.search(company)) and not solar_company
    )
    lowered = full.lower()
    context = False
    # prefilter=False: the regexes run on every text (the earlier baseline, before the literal test first)
    if not prefilter or any(word in lowered for word in CONTEXT_WORDS):
        cleaned = lex["false_solar_context"].sub(" ", full)
        context = bool(lex["solar_context"].search(cleaned)) or (
            bool(lex["solar_context_acronym"].search(cleaned)) and not lex["context_veto"].search(full)
        )
    role, reasons, score, category = None, [], 0, None
    if context:
        title_text = title.strip() or description[:200]
        role_title = (title.strip() or FIRST_SENTENCE.match(HEADER.sub("", description, count=1)).group(1)).lower()
        affirmed = lowered.replace(company.lower(), " ") if company else lowered
        affirmed = rules.negated.sub(" ", lex["negation_exempt"].sub(" ", affirmed))
        scopes = {"title": title_text, "text": affirmed}
        fired = []
        for tier in rules.tiers:
            match = tier["regex"].search(scopes[tier["scope"]])
            if match and tier["requires_lexicon"]:
                match = match if lex[tier["requires_lexicon"]].search(scopes[tier["requires_scope"]]) else None
            if match:
                fired.append((tier, match.group(0).lower()))
        utility = bool(lex["utility_work"].search(affirmed))
        strong = any(t["design_evidence"] == "strong" for t, _ in fired)
        supporting = any(t["design_evidence"] == "supporting" for t, _ in fired)
        role, matched = role_of(rules, role_title, strong or (supporting and not utility))
        source = "title" if title.strip() else "first sentence"
        reasons.append(
            {
                "signal": f"role: {role} (from the {source if matched else 'responsibilities'})",
                "tier": "role",
                "weight": 0,
                "matched": matched or "",
            }
        )
        lifts = any(t["overrides_text_exclusions"] == "true" for t, _ in fired)
        exclusion = next((c for c, regex in rules.exclusions if regex.search(affirmed) and not lifts), None)
        pv_signal = any(t["pv_specific"] == "true" for t, _ in fired)
        if role == "design":
            reasons += [
                {"signal": t["description"], "tier": t["tier"], "weight": t["weight"], "matched": m} for t, m in fired
            ]
            score = sum(t["weight"] for t, _ in fired)
            if solar_company:
                reasons.append(
                    {
                        "signal": "solar company name",
                        "tier": "company",
                        "weight": 10,
                        "matched": solar_company.group(0).lower(),
                    }
                )
                score += 10
        if blocked:
            category = "company_blocklist"
        elif exclusion:
            category = f"exclusions.{exclusion}"
        elif role != "design":
            category = f"role.{role}"
        elif not pv_signal:
            category = "no_pv_design_signal"
        elif score < threshold:
            category = "below_threshold"
    else:
        category = "company_blocklist" if blocked else "no_solar_context"
    return {
        "score": score,
        "qualified": category is None,
        "confidence_score": min(score, 100) if category is None else None,
        "rejection_category": category,
        "role_class": role,
        "reasons": reasons,
    }


def score_file(source: Path, target: Path, threshold: int = 50, prefilter: bool = True) -> None:
    rules = Rules()
    csv.field_size_limit(sys.maxsize)
    with source.open(newline="", encoding="utf-8") as fin, target.open("w", encoding="utf-8") as fout:
        for row in csv.DictReader(fin):
            result = score_row(
                rules, row.get("title") or "", row.get("company") or "", row["description"], threshold, prefilter
            )
            fout.write(json.dumps({"id": row["id"], **result}) + "\n")
