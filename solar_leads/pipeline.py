"""The pipeline's stages in sequence: crawl, dbt build, exports. One writer at a time."""

from __future__ import annotations

import sys

from solar_leads.config import PROJECT_DIR, Config
from solar_leads.dbt_runner import run_dbt
from solar_leads.labeled_data import default_files, reload_labeled_items
from solar_leads.warehouse import connect, init_warehouse

DEMO_CANDIDATES = PROJECT_DIR / "demo" / "candidates.csv"
DEMO_SOURCES = PROJECT_DIR / "demo" / "sources.yml"


def build(config: Config) -> None:
    """Reload the labeled items, then `dbt build` (seeds, models, unit and data tests)."""
    init_warehouse(config.warehouse)
    with connect(config.warehouse) as con:
        reload_labeled_items(con, default_files())
    run_dbt(["build"], config.warehouse, config.dbt_vars())
    print(f"built warehouse {config.warehouse}", file=sys.stderr)


def run(config: Config, sources: object = None) -> None:
    from solar_leads.decide import decide, events_path_for

    build(config)
    output = config.output_dir / "demo_candidate_decisions.csv"
    counts = decide(config, DEMO_CANDIDATES, output, events_path_for(output))
    print(
        f"demo candidates: {counts['accepted']} accepted of {counts['candidates']} -> {output}",
        file=sys.stderr,
    )
