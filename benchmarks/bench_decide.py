"""`leads decide` on 1,000,000 candidates beside the pure-Python baseline of the same rules."""

from __future__ import annotations

import csv
import random
import time
from pathlib import Path

from benchmarks.baseline_decide import decide_file
from benchmarks.timing import median_seconds
from solar_leads.config import load_config
from solar_leads.rules.decide import INPUT_COLUMNS, decide

HOSTS = [
    "imdb.com",
    "www.nrel.gov",
    "https://en.wikipedia.org/wiki/{n}",
    "imdb.com.evil.net",
    "co{n}.com",
    "https://www.co{n}.com/about",
    "randomsite{n}.blogspot.com",
    "docs.co{n}.io",
    "fandomwiki.com",
    "seia.org",
]
# (regex, value template): realistic diversity, so neither side gets to reuse a few values
FIELDS = [
    (r"^(19|20)\d{2}$", "{year}"),
    (".+", "Town {n}, TX"),
    (r"^\d{1,6}$", "{n}"),
    (r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", "co{n}.com"),
    (r"^(19|20)\d{2}$", "ABC"),
]


def make_candidates(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(INPUT_COLUMNS)
        for i in range(rows):
            hits = rng.randint(0, 80)
            n, year = rng.randint(0, 20_000), rng.randint(1890, 2030)
            regex, value = rng.choice(FIELDS)
            host = rng.choice(HOSTS).format(n=n)
            verdict = rng.choice(["YES", "YES", "NO", " yes"])
            used = rng.randint(0, hits)
            model_conf = round(rng.random(), 3)
            if rng.random() < 0.01:  # a bad row now and then: both sides must reject it as invalid input
                used, model_conf = rng.choice([(hits + 1, model_conf), (used, "n/a"), (used, 1.5)])
            writer.writerow(
                [
                    f"c{i}",
                    "field",
                    value.format(n=n, year=year),
                    model_conf,
                    host,
                    hits,
                    used,
                    verdict,
                    regex,
                ]
            )


def accepted_count(decisions: Path) -> int:
    """Accepted rows in a decisions CSV (either side's spelling of true)."""
    with decisions.open(newline="") as fh:
        return sum(row["accepted"].lower() == "true" for row in csv.DictReader(fh))


def run(workdir: Path, rows: int = 1_000_000, repeats: int = 3) -> dict:
    source = workdir / "candidates.csv"
    make_candidates(source, rows)
    config = load_config()
    # dbt seeds and compiles the rules once per change of the rules (cached): measured on its own, then reused
    warm = workdir / "warm.csv"
    make_candidates(warm, 10)
    started = time.perf_counter()
    decide(config, warm, workdir / "warm_out.csv", None)
    first_call = time.perf_counter() - started
    medians = median_seconds(
        {
            "leads decide (dbt + DuckDB)": lambda: decide(config, source, workdir / "sql.csv", None),
            "pure Python baseline": lambda: decide_file(source, workdir / "python.csv"),
        },
        repeats,
    )
    sql, python = medians["leads decide (dbt + DuckDB)"], medians["pure Python baseline"]
    accepted = {name: accepted_count(workdir / f"{name}.csv") for name in ("sql", "python")}
    return {
        "name": "decide",
        "rows": rows,
        "repeats": repeats,
        "medians_s": medians,
        "speedup": python / sql,
        "first_call_s (dbt seed + compile on 10 rows, once per change of the rules)": first_call,
        "accepted_sql": accepted["sql"],
        "accepted_python": accepted["python"],
        "target": "<= 60 s for 1,000,000 rows and >= 5x the baseline",
    }
