"""A straightforward pure-Python implementation of the acceptance rules of docs/enrichment-evidence.md (the
benchmark baseline).

Reads the same CSV, applies the same rules row by row, writes the same columns. Not used by the product.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from solar_leads.rules.decide import DECISION_COLUMNS

SEED = Path(__file__).resolve().parent.parent / "dbt" / "seeds" / "authoritative_domains.csv"


def load_domains() -> tuple[set[str], set[str], re.Pattern]:
    suffixes, prefixes, patterns = set(), set(), []
    with SEED.open() as fh:
        for row in csv.DictReader(fh):
            if row["match_kind"] in ("public_suffix", "registered_domain"):
                suffixes.add(row["pattern"])
            elif row["match_kind"] == "host_prefix":
                prefixes.add(row["pattern"])
            else:
                patterns.append(row["pattern"])
    return suffixes, prefixes, re.compile(r"(^|\.)(" + "|".join(patterns) + r")\.")


def normalize_host(value: str) -> str:
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value.strip().lower())
    host = re.sub(r"[/?#].*$", "", host)
    host = re.sub(r"^[^@]*@", "", host)
    return re.sub(r":[0-9]*$", "", host).rstrip(".")


def number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def whole(text: str) -> int | None:
    value = number(text)
    return int(value) if value is not None and value.is_integer() else None


def decide_file(source: Path, target: Path, min_confidence: float = 0.70) -> None:
    suffixes, prefixes, label_pattern = load_domains()
    with source.open(newline="") as fin, target.open("w", newline="") as fout:
        reader = csv.DictReader(fin)
        writer = csv.writer(fout)
        writer.writerow([*reader.fieldnames, *DECISION_COLUMNS])
        for row in reader:
            model_conf, hits, used = number(row["model_conf"]), whole(row["recall_hits"]), whole(row["recall_used"])
            invalid = [
                column
                for column, bad in (
                    ("model_conf", model_conf is None or not 0 <= model_conf <= 1),
                    ("recall_hits", hits is None or hits < 0),
                    ("recall_used", used is None or used < 0 or (hits is not None and hits >= 0 and used > hits)),
                )
                if bad
            ]
            if invalid:
                reason = ",".join(f"invalid_input({column})" for column in invalid)
                writer.writerow([*row.values(), "", "", "", "", "", "", "", "", False, reason])
                continue
            host = normalize_host(row["source_hint"])
            labels = host.split(".")
            authoritative = bool(host) and (
                any(".".join(labels[i:]) in suffixes for i in range(len(labels)))
                or (len(labels) > 2 and labels[0] in prefixes)
                or bool(label_pattern.search(host))
            )
            base = 0.9 if authoritative else 0.6
            recall_factor = 0.0 if hits <= 0 else min(0.1, used / hits * 0.1)
            conf = round(0.4 * model_conf + 0.5 * base + recall_factor, 10)
            verdict_ok = row["verdict"].strip().upper() == "YES"
            conf_ok = conf >= min_confidence
            candidate = row["candidate"].strip().strip('"').strip()
            regex = row["target_regex"].strip()
            if not candidate:
                regex_ok = False
            elif regex in ("", ".+"):
                regex_ok = True
            else:
                try:
                    regex_ok = re.fullmatch(regex, candidate, re.IGNORECASE) is not None
                except re.error:
                    regex_ok = False
            zero_ok = conf >= 0.85 or authoritative or model_conf >= 0.9
            reasons = []
            if not verdict_ok:
                reasons.append("verifier_rejected")
            if not conf_ok:
                reasons.append(f"low_confidence({round(conf, 3)}<{min_confidence})")
            if not regex_ok:
                reasons.append("regex_mismatch")
            if used <= 0 and not zero_ok:
                reasons.append("zero_recall_not_allowed")
            writer.writerow(
                [
                    *row.values(),
                    base,
                    recall_factor,
                    conf,
                    authoritative,
                    verdict_ok,
                    conf_ok,
                    regex_ok,
                    zero_ok,
                    not reasons,
                    ",".join(reasons),
                ]
            )
