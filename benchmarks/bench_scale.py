"""`leads score` and `leads decide` on 10,000,000 rows (issue #13.4): each once, in its own process, with its wall
time and peak resident memory under LEADS_MEMORY_LIMIT (DuckDB spills past it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from benchmarks.bench_decide import make_candidates
from benchmarks.bench_score import make_postings
from solar_leads.config import DEFAULT_MEMORY_LIMIT
from solar_leads.files import file_reader

COPIES = 10  # the 10M-row files are ten copies of a 1M-row file, each row's id made unique


def replicate(source: Path, target: Path, id_column: str) -> None:
    """`target`: COPIES copies of the CSV `source`, ids prefixed by the copy; CRLF line ends as Python's csv module
    writes them (DuckDB's parallel reader splits such files; see files.read_with_fallback for the others)."""
    with duckdb.connect() as con:
        con.execute(
            f"copy (select * replace ('c' || copy || '_' || {id_column} as {id_column}) "
            f"from {file_reader(source, 'csv')}, range({COPIES}) as copies(copy)) "
            f"to '{target}' (format csv, header true, new_line '\r\n')"
        )


def measure(command: list[str]) -> dict:
    """One `leads` command in a child process: wall seconds and peak resident memory (VmHWM, via measure.py)."""
    env = {**os.environ, "LEADS_MEMORY_LIMIT": os.environ.get("LEADS_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.measure", *command], capture_output=True, text=True, env=env
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stderr.strip().splitlines()[-1])


def run(workdir: Path, repeats: int = 1, rows: int = 10_000_000) -> dict:
    postings, candidates = workdir / "postings-part.csv", workdir / "candidates-part.csv"
    make_postings(postings, rows // COPIES, 0.02)
    make_candidates(candidates, rows // COPIES)
    results = {}
    for kind, part, id_column in (("sql", postings, "id"), ("decide", candidates, "candidate_id")):
        whole = workdir / f"{kind}-{rows}.csv"
        replicate(part, whole, id_column)
        part.unlink()
        results[kind] = measure([kind, str(whole), str(workdir / f"{kind}-out.{'jsonl' if kind == 'sql' else 'csv'}")])
        results[kind]["input_gb"] = whole.stat().st_size / 1e9
        whole.unlink()
    medians = {"leads score": results["sql"]["seconds"], "leads decide": results["decide"]["seconds"]}
    return {
        "name": "scale",
        "rows": rows,
        "medians_s": medians,
        "peak_rss_mib": {
            "leads score": results["sql"]["peak_rss_mib"],
            "leads decide": results["decide"]["peak_rss_mib"],
        },
        "input_gb": {"leads score": results["sql"]["input_gb"], "leads decide": results["decide"]["input_gb"]},
        "memory_limit": os.environ.get("LEADS_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT),
        "target": "both finish on 10,000,000 rows with bounded memory",
    }
