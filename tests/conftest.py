"""Shared helpers: run the real `leads` command in a subprocess, as a user would.

Tests under tests/e2e/ are marked `e2e` (real crawls, real dbt builds); `make test-fast` runs the others.
Each pytest-xdist worker gets its own dbt target and log folders, so parallel dbt runs never share artifacts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

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


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.e2e)


# Modules whose tests share a module-scoped fixture (a crawl, a run, a built warehouse): their tests go to one xdist
# worker so it is made once. Every other test is handed out on its own, so a module of slow independent tests (the
# incremental builds) spreads over the workers instead of holding one of them to the end.
SHARED_FIXTURE_MODULES = {
    str(path.relative_to(PROJECT))
    for path in (PROJECT / "tests").rglob("test_*.py")
    if '@pytest.fixture(scope="module")' in path.read_text(encoding="utf-8")
}


class _SharedFixtureScheduling(LoadScopeScheduling):
    """xdist's load-by-scope, where a scope is a test's module when the module shares a fixture, else the test."""

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        return module if module in SHARED_FIXTURE_MODULES else nodeid


def pytest_xdist_make_scheduler(config, log):
    return _SharedFixtureScheduling(config, log)


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
