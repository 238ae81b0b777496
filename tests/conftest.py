"""Shared helpers: run the real `leads` command in a subprocess, as a user would.

Tests under tests/e2e/ are marked `e2e` (real crawls, real dbt builds); `make test-fast` runs the others.
Each pytest-xdist worker gets its own dbt target and log folders, so parallel dbt runs never share artifacts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def run_leads(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "solar_leads.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=600,
    )


def decide_fixture_cases(output: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`leads decide` on the fixture candidates (the eight worked examples of docs/enrichment-evidence.md, boundary,
    spoofed and bad rows)."""
    return run_leads("decide", "--input", str(FIXTURES / "decide_cases.csv"), "--output", str(output), env=env)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark tests/e2e/ as e2e, and keep the tests of a module-scoped fixture on one xdist worker (`--dist loadgroup`)
    so it is made once; every other test is handed out on its own, so a module of slow independent tests (the
    incremental builds) spreads over the workers instead of holding one of them to the end."""
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.e2e)
        fixturedefs = getattr(item, "_fixtureinfo", None)
        shared = fixturedefs and any(
            d.scope == "module" for defs in fixturedefs.name2fixturedefs.values() for d in defs
        )
        if shared:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))


@pytest.fixture(scope="session", autouse=True)
def separate_dbt_artifacts(tmp_path_factory):
    """dbt writes manifest, partial-parse state and logs under target/ and logs/: one folder per worker."""
    root = tmp_path_factory.getbasetemp()
    os.environ["DBT_TARGET_PATH"] = str(root / "dbt_target")
    os.environ["DBT_LOG_PATH"] = str(root / "dbt_logs")
    yield


@pytest.fixture
def leads():
    return run_leads
