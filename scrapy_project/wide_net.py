"""The wide net: a cheap test on a job's title, whether its details are worth a request.

Where a board lists titles but its details cost one request per job (Workday, BambooHR, Rippling, Breezy's job
pages), only the jobs whose title passes are fetched whole; every other job is still loaded with what the list
gives and marked (payload `detail: "not_fetched"`), and run_stats counts them. The net is made of the words of the
keyword search's role terms (dbt/seeds/jobsearch_terms.csv) without the modifiers that say nothing of the role
(junior, senior, residential, ...), each matched as a word start, so "Designer II", "PV Design Lead" and
"Drafting Tech" pass and "Accountant" does not. It is wide on purpose: scoring, not the net, decides what is a lead.
"""

from __future__ import annotations

import csv
import re
from functools import cache

from solar_leads.config import PROJECT_DIR

TERMS = PROJECT_DIR / "dbt" / "seeds" / "jobsearch_terms.csv"
# words of the terms that name no role on their own (a word list: kept as a block, not one word a line)
MODIFIERS = {
    "junior", "senior", "associate", "assistant", "residential", "commercial", "utility", "scale", "rooftop",
    "project", "plan", "set", "operator", "application", "eit", "energy", "system", "storage", "battery",
}  # fmt: skip
NOT_FETCHED = "not_fetched"  # the payload's `detail` for a job loaded from its list alone
NONE_GIVEN = "none_given"  # ... for a job whose source gives no text at all (a Personio position without sections)


@cache
def _pattern() -> re.Pattern[str]:
    with TERMS.open(encoding="utf-8", newline="") as handle:
        words = {word.lower() for row in csv.DictReader(handle) for word in re.findall(r"[A-Za-z]+", row["term"])}
    stems = sorted({word[:5] for word in words - MODIFIERS if len(word) > 1}, key=lambda s: (-len(s), s))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.IGNORECASE)


def worth_details(title: str | None) -> bool:
    """Whether a listed job's title passes the wide net (a job without a title is fetched: nothing to judge)."""
    return not title or bool(_pattern().search(title))
