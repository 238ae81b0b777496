"""One `dbt build` of the warehouse, logged in meta.builds, and the plan every build of one command follows: whether
to recompute the incremental models, and whether to run the seeds and the unit tests.

Kept apart from the pipeline's stages so that `leads build` imports only dbt, not the crawlers and job-board clients.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from solar_leads.config import PROJECT_DIR, Config
from solar_leads.warehouse.builds import (
    build_finished,
    build_started,
    checks_passed,
    needs_full_refresh,
)
from solar_leads.warehouse.connection import connect, init_warehouse
from solar_leads.warehouse.dbt_runner import run_dbt
from solar_leads.warehouse.fingerprint import checks_signature

SKIPPED_CHECKS = ("resource_type:seed", "resource_type:unit_test")  # with a seed go its tests


@dataclass(frozen=True)
class BuildPlan:
    """What every build of one command does, decided once before the first: a later stage deciding for itself would
    take the stage before it for the last build. full_refresh: recompute the incremental models from the raw tables;
    checks: the checks_signature to run the seeds, their tests and the unit tests under, None to skip them."""

    full_refresh: bool
    checks: str | None


def plan_builds(config: Config, full_refresh: bool = False, selected: bool = False) -> BuildPlan:
    """Recompute everything when asked or when the project changed since the last build; run the seeds and the unit
    tests unless a whole build of this project, toolchain and vars ran them (they would give the same answers).
    selected: the user named what to build (`--select`), so it is built as named, seeds and unit tests included."""
    init_warehouse(config.warehouse)
    signature = checks_signature(config.dbt_vars())
    with connect(config.warehouse) as con:
        if not full_refresh and needs_full_refresh(con):
            full_refresh = True
            print(
                "the models, macros, seeds, dbt or DuckDB changed since the last build: the kept postings, keys and "
                "scores are computed again from the raw tables (once)",
                file=sys.stderr,
            )
        checks = full_refresh or selected or not checks_passed(con, signature)
    return BuildPlan(full_refresh, signature if checks else None)


def build(
    config: Config,
    plan: BuildPlan,
    select: list[str] | None = None,
    exclude: list[str] | None = None,
    quiet: bool = False,
    completes: bool | None = None,
) -> list[Any]:
    """`dbt build` (seeds, models, unit and data tests, as `plan` says) of the warehouse, or of the `select` /
    `exclude` part, logged in meta.builds. completes: whether the marts are whole and current once it finishes
    (default: when nothing was selected or excluded). quiet: dbt prints only errors (a failure still names every
    failed node). Returns dbt's node results."""
    scope = [*(["--select", *select] if select else []), *(["--exclude", *exclude] if exclude else [])]
    dbt_scope = scope
    if plan.checks is None:
        # an --exclude replaces the default selector, which leaves out the ad-hoc views
        dbt_scope = [
            *(["--select", *select] if select else []),
            "--exclude",
            *(exclude or ([] if select else ["tag:adhoc"])),
            *SKIPPED_CHECKS,
        ]
    with connect(config.warehouse) as con:
        build_id = build_started(
            con, " ".join(scope) or None, not scope if completes is None else completes, plan.checks
        )
    # --no-write-json: the manifest and run results (1.5 s of every build) are for tools; nothing here reads them
    command = ["build", "--no-write-json", *(["--full-refresh"] if plan.full_refresh else []), *dbt_scope]
    results = run_dbt(
        command, config.warehouse, config.dbt_vars(), quiet=quiet, target_path=target_path(config.warehouse)
    )
    with connect(config.warehouse) as con:
        build_finished(con, build_id)
    passed = sum(1 for r in results if str(r.status).lower() in {"pass", "success"})
    where = f" ({' '.join(scope)})" if scope else ""
    what = (
        "models, seeds and tests passed"
        if plan.checks
        else "models and data tests passed (the seeds and unit tests were skipped: an earlier build of this project "
        "and settings passed them)"
    )
    print(f"built warehouse {config.warehouse}{where}: {passed} {what}", file=sys.stderr)
    return results


def target_path(warehouse: Path) -> Path:
    """dbt's folder for the warehouses of one file name. dbt's parse state names the database (the file name without
    .duckdb) but not the file's folder (dbt_runner.parse_state_without_the_path), so warehouses of one name share
    it: a new data/x/warehouse.duckdb is not parsed again (1.7 s). dbt_runner holds the folder's lock while dbt
    writes there, so two builds at once never write the same files."""
    base = Path(os.environ.get("DBT_TARGET_PATH") or PROJECT_DIR / "target")
    return base / "warehouses" / hashlib.sha256(warehouse.stem.encode()).hexdigest()[:12]
