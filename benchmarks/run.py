"""Run every benchmark side by side with its baseline and print a Markdown report (for BENCHMARKS.md)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
from pathlib import Path

from benchmarks import bench_build, bench_crawl, bench_decide, bench_enrich, bench_loader, bench_scale, bench_score

BENCHES = {
    "decide": bench_decide.run,
    "loader": bench_loader.run,
    "score": bench_score.run,
    "enrich": bench_enrich.run,
    "build": bench_build.run,
    "scale": bench_scale.run,
    "crawl": bench_crawl.run,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(BENCHES), action="append", help="run only these benchmarks")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rows", type=int, help="rows for the decide and score benchmarks (default 1,000,000)")
    args = parser.parse_args()
    results = []
    for name in args.only or BENCHES:
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            sizes = {"rows": args.rows} if args.rows and name in {"decide", "score"} else {}
            result = BENCHES[name](Path(tmp), repeats=args.repeats, **sizes)
            results.extend(result if isinstance(result, list) else [result])
    out = Path("bench_results")
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    for result in results:
        print(f"### {result['name']}\n")
        print("| contender | median seconds |")
        print("|---|---|")
        for contender, seconds in result["medians_s"].items():
            print(f"| {contender} | {seconds:.2f} |")
        extra = {k: v for k, v in result.items() if k not in {"name", "medians_s"}}
        print()
        for key, value in extra.items():
            print(f"- {key}: {value:.2f}" if isinstance(value, float) else f"- {key}: {value}")
        print()


if __name__ == "__main__":
    main()
