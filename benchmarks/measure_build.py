"""Run `leads build` on a warehouse in this process and report, as JSON on stderr's last line, its peak memory and
dbt's execution time of each model.

python -m benchmarks.measure_build WAREHOUSE [--full-refresh]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.measure import peak_rss_mib


def main() -> None:
    from solar_leads.config import load_config
    from solar_leads.pipeline.build import build, plan_builds

    config = load_config().with_paths(Path(sys.argv[1]).resolve(), None)
    results = build(config, plan_builds(config, "--full-refresh" in sys.argv[2:]), quiet=True)
    models = {r.node.unique_id.split(".")[-1]: r.execution_time for r in results
              if r.node.unique_id.startswith("model.")}  # fmt: skip
    print(json.dumps({"peak_rss_mib": peak_rss_mib(), "models_s": models}), file=sys.stderr)


if __name__ == "__main__":
    from solar_leads.exit import exit_now

    main()
    exit_now(0)  # as `leads` ends
