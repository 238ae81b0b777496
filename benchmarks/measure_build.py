"""Run `leads build` on a warehouse in this process and report its peak memory as JSON on stderr's last line.

python -m benchmarks.measure_build WAREHOUSE TARGET_DIR [--full-refresh]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.measure import peak_rss_mib


def main() -> None:
    from solar_leads.config import load_config
    from solar_leads.warehouse.builds import build_finished, build_started
    from solar_leads.warehouse.connection import connect, init_warehouse
    from solar_leads.warehouse.dbt_runner import run_dbt

    warehouse, target = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    config = load_config().with_paths(warehouse, None)
    init_warehouse(warehouse)
    with connect(warehouse) as con:
        build_id = build_started(con, None, True)
    flags = ["--full-refresh"] if "--full-refresh" in sys.argv[3:] else []
    run_dbt(["build", *flags], warehouse, config.dbt_vars(), quiet=True, target_path=target)
    with connect(warehouse) as con:
        build_finished(con, build_id)
    print(json.dumps({"peak_rss_mib": peak_rss_mib()}), file=sys.stderr)


if __name__ == "__main__":
    main()
