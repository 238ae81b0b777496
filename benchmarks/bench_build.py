"""`leads build` at scale: a full build at 10k / 100k / 1M postings (time, peak memory, warehouse size against the raw
text it holds, per-model timings and their slope), and the daily case: 10,000 new postings over a history, built
incrementally, beside a full rebuild of the same data whose marts must be identical.

Postings are synthesized in SQL from the golden set's texts, ~2 KB each, in the realistic mix of the scoring benchmark:
one posting in 50 is one of the demo's solar-side postings, the others the 500 real LinkedIn postings. Every posting is
a distinct job of one of 5,000 boards, and each run's sightings are later than the last run's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from solar_leads.config import PROJECT_DIR
from solar_leads.warehouse.connection import connect
from solar_leads.warehouse.schema import migrate

GOLDEN = PROJECT_DIR / "data" / "golden" / "golden-test-set.json"
SOURCES = ["greenhouse", "lever", "ashby", "smartrecruiters", "workable", "jobposting"]
CITIES = ["Austin, TX", "Denver, CO", "Phoenix, AZ", "Sacramento, CA", "Raleigh, NC", "Boston, MA", "Tampa, FL"]
# the marts a daily build must leave exactly as a full rebuild does
COMPARED = ["postings", "lead_scores", "leads", "rejected_leads", "enrichment_decisions", "run_stats"]


def load_postings(warehouse: Path, first: int, count: int, run: int) -> None:
    """Append postings first..first+count-1 as run `run` (its sightings dated after every earlier run's)."""
    items = json.loads(GOLDEN.read_text(encoding="utf-8"))["items"]
    with connect(warehouse) as con:
        migrate(con)
        con.execute("set enable_progress_bar = false")
        solar = [item for item in items if item.get("synthetic")]
        real = [item for item in items if not item.get("synthetic")]
        values = ", ".join("(?, ?, ?, ?, ?)" for _ in items)
        parameters = [
            value
            for kind in (solar, real)
            for n, item in enumerate(kind)
            for value in (kind is solar, n, item.get("title") or "", item["company"], item["description"])
        ]
        con.execute(
            f"create or replace temp table pool as select * from (values {values}) "
            "as t(solar, n, title, company, description)",
            parameters,
        )
        con.execute(
            "create or replace temp table pool_sizes as select count(*) filter (where solar) as solar, "
            "count(*) filter (where not solar) as real from pool"
        )
        con.execute(
            """
            insert into raw.postings
            select
                printf('%08d', ?) as run_id,
                ?[1 + (i % 6)::int] as source,
                ?[1 + (i % 6)::int] || ':b' || (i % 5000) as source_key,
                i::varchar as external_id,
                'https://jobs.example/b' || (i % 5000) || '/' || i as url,
                timestamp '2026-01-01' + to_days(?) + to_seconds((i % 80000)::bigint) as scraped_at,
                pool.title,
                pool.company || ' ' || (i // 500 % 2000) as company,
                ?[1 + (i % 7)::int] as location,
                pool.description,
                '2026-01-01' as posted_at,
                '{}'::json as payload
            from range(?, ?) as r(i)
            cross join pool_sizes
            join pool on pool.solar = (i % 50 = 0)
                and pool.n = case when i % 50 = 0 then (i // 50) % pool_sizes.solar else i % pool_sizes.real end
            """,
            [run, SOURCES, SOURCES, run, CITIES, first, first + count],
        )


def build(warehouse: Path, full_refresh: bool = False) -> dict:
    """`leads build` in a child process: wall seconds, its peak memory, and dbt's per-model seconds."""
    command = [sys.executable, "-m", "benchmarks.measure_build", str(warehouse)]
    start = time.perf_counter()
    result = subprocess.run(command + (["--full-refresh"] if full_refresh else []), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"leads build failed:\n{result.stderr[-3000:]}")
    measured = json.loads(result.stderr.strip().splitlines()[-1])
    return {"seconds": seconds, **measured}


def sizes(warehouse: Path) -> dict:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (text_bytes,) = con.execute("select sum(strlen(description)) from raw.postings").fetchall()[0]
    return {
        "file_mib": warehouse.stat().st_size / 2**20,
        "raw_text_mib": text_bytes / 2**20,
        "file_per_text": warehouse.stat().st_size / text_bytes,
    }


def marts_digest(warehouse: Path) -> dict[str, str]:
    """An order-independent digest of each compared mart's rows."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            table: con.execute(
                f"select count(*) || ':' || coalesce(sum(hash(t))::varchar, '') from marts.{table} as t"
            ).fetchall()[0][0]
            for table in COMPARED
        }


def full_builds(workdir: Path, counts: list[int]) -> list[dict]:
    rows = []
    for count in counts:
        warehouse = workdir / f"full-{count}.duckdb"
        load_postings(warehouse, 0, count, 1)
        rows.append({"postings": count, **build(warehouse), **sizes(warehouse)})
        warehouse.unlink()
    return rows


def daily(workdir: Path, history: int, new: int = 10_000, repeats: int = 5) -> dict:
    """Build a history, add `new` postings as the next run, and build that incrementally `repeats` times, each from a
    copy of the same state (timed; the median is reported: one build's time varies by a few seconds here). Compare
    the marts with a full rebuild of the same raw data."""
    warehouse = workdir / f"daily-{history}.duckdb"
    load_postings(warehouse, 0, history, 1)
    first = build(warehouse)
    load_postings(warehouse, history, new, 2)
    before = workdir / f"before-daily-{history}.duckdb"
    shutil.copyfile(warehouse, before)
    dailies = []
    for _ in range(repeats):
        shutil.copyfile(before, warehouse)
        dailies.append(build(warehouse))
    incremental = sorted(dailies, key=lambda d: d["seconds"])[len(dailies) // 2]
    rebuilt = workdir / f"rebuilt-{history}.duckdb"
    shutil.copyfile(before, rebuilt)
    full = build(rebuilt, full_refresh=True)
    same = marts_digest(warehouse) == marts_digest(rebuilt)
    for path in (warehouse, before, rebuilt):
        path.unlink()
    return {
        "history": history,
        "new": new,
        "history_build_s": first["seconds"],
        "daily_build_s": incremental["seconds"],
        "daily_builds_s": [d["seconds"] for d in dailies],
        "daily_peak_rss_mib": incremental["peak_rss_mib"],
        "full_rebuild_s": full["seconds"],
        "identical_marts": same,
        "daily_models_s": incremental["models_s"],
    }


def run(
    workdir: Path,
    repeats: int = 1,
    counts: tuple[int, ...] = (10_000, 100_000, 1_000_000),
    histories: tuple[int, ...] = (100_000, 1_000_000),
) -> dict:
    fulls = full_builds(workdir, list(counts))
    slope = {}
    if len(fulls) > 1:
        low, high = fulls[-2], fulls[-1]
        per_100k = 100_000 / (high["postings"] - low["postings"])
        slope = {
            model: (high["models_s"].get(model, 0) - low["models_s"].get(model, 0)) * per_100k
            for model in high["models_s"]
        }
        slope["whole build"] = (high["seconds"] - low["seconds"]) * per_100k
    return {
        "name": "build",
        "medians_s": {f"full build, {f['postings']:,} postings": f["seconds"] for f in fulls},
        "full_builds": fulls,
        "slope_s_per_100k": slope,
        "daily": [daily(workdir, history) for history in histories],
        "target": "1M postings <= 60 s, <= 3 GB peak, file <= 3x raw text; daily 10k over 1M <= 10 s",
    }
