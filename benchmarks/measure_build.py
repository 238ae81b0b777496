"""Run `leads build` on a warehouse in this process and report, as JSON on stderr's last line, its peak memory and
dbt's execution time of each model.

python -m benchmarks.measure_build WAREHOUSE [--full-refresh]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.measure import peak_rss_mib


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure_build", description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path, help="the DuckDB warehouse file to build")
    parser.add_argument("--full-refresh", action="store_true", help="recompute the incremental models")
    args = parser.parse_args()

    from solar_leads.config import load_config
    from solar_leads.pipeline.build import build, plan_builds

    config = load_config().with_paths(args.warehouse.resolve(), None)
    results = build(config, plan_builds(config, args.full_refresh), quiet=True)
    models = {
        r.node.unique_id.split(".")[-1]: r.execution_time for r in results if r.node.unique_id.startswith("model.")
    }
    print(json.dumps({"peak_rss_mib": peak_rss_mib(), "models_s": models}), file=sys.stderr)


if __name__ == "__main__":
    from solar_leads.exit import exit_now

    main()
    exit_now(0)  # as `leads` ends
