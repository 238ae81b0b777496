"""Run one scoring contender in this process and report its time and peak memory as JSON on the last line.

python -m benchmarks.measure sql|python INPUT OUTPUT
"""

from __future__ import annotations

import json
import resource
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

        score_file(source, target)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak}), file=sys.stderr)


if __name__ == "__main__":
    main()
