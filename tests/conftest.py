"""Shared helpers: run the real `leads` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    """`leads decide` on the fixture candidates (the seed's eight examples, boundary, spoofed and bad rows)."""
    return run_leads("decide", "--input", str(FIXTURES / "decide_cases.csv"), "--output", str(output), env=env)


@pytest.fixture
def leads():
    return run_leads
