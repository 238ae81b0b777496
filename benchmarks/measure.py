"""Run one scoring contender in this process and report its time and peak memory as JSON on the last line.

python -m benchmarks.measure sql|python|python-plain INPUT OUTPUT
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    contender, source, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    start = time.perf_counter()
    if contender == "sql":
        from solar_leads.cli import main as leads

        if leads(["score", "--input", str(source), "--output", str(target)]) != 0:
            raise SystemExit("leads score failed")
    else:
        from benchmarks.baseline_score import score_file

        score_file(source, target, prefilter=contender == "python")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak_rss_mib()}), file=sys.stderr)


def peak_rss_mib() -> float:
    """This process's peak resident memory. VmHWM belongs to the process image; ru_maxrss would carry over the
    parent's peak through fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    main()
