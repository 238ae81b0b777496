"""Run one scoring contender in this process and report its time and peak memory as JSON on the last line.

python -m benchmarks.measure sql|python|python-plain|floor|decide INPUT OUTPUT

decide: `leads decide` on a candidates file.

floor: DuckDB's single-regex floor - the postings' descriptions loaded into memory first (not timed), then one
case-insensitive regexp_matches(description, 'solar', 'i') over all of them (timed).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    contender, source, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if contender == "floor":
        print(json.dumps({"seconds": single_regex_seconds(source), "peak_rss_mib": peak_rss_mib()}), file=sys.stderr)
        return
    start = time.perf_counter()
    if contender in ("sql", "decide"):
        from solar_leads.cli import main as leads

        command = "score" if contender == "sql" else "decide"
        if leads([command, "--input", str(source), "--output", str(target)]) != 0:
            raise SystemExit(f"leads {command} failed")
    else:
        from benchmarks.baseline_score import score_file

        score_file(source, target, prefilter=contender == "python")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak_rss_mib()}), file=sys.stderr)


def single_regex_seconds(source: Path) -> float:
    import duckdb

    from solar_leads.files import file_reader

    con = duckdb.connect()
    con.execute(f"create table postings as select description from {file_reader(source, 'csv')}")
    start = time.perf_counter()
    con.execute("select count(*) from postings where regexp_matches(description, 'solar', 'i')").fetchall()
    return time.perf_counter() - start


def peak_rss_mib() -> float:
    """This process's peak resident memory. VmHWM belongs to the process image; ru_maxrss would carry over the
    parent's peak through fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    main()
