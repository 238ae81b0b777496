"""One fingerprint of the dbt project, for everything that depends on the rules: the build log (a build of another
project recomputes the kept incremental rows; the seeds and unit tests already passed under the same fingerprint
and vars are skipped) and the ad-hoc commands' compile cache (compiled_models)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from importlib.metadata import version

from solar_leads.config import PROJECT_DIR

# what the project computes with: its models, macros, seeds, tests and dbt's configuration
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "selectors.yml", "models", "macros", "dbt/seeds", "dbt/tests")
# ... and what runs it: an upgrade may compute a model differently, so it counts as a change of the project
TOOLCHAIN = ("dbt-core", "dbt-duckdb", "duckdb")


def project_signature() -> str:
    """A digest of the toolchain's versions and every file of the project's parts (read each time: `leads tune
    --apply` changes a seed)."""
    digest = hashlib.sha256(" ".join(f"{name}=={version(name)}" for name in TOOLCHAIN).encode())
    for part in PROJECT_PARTS:
        root = PROJECT_DIR / part
        for path in sorted(root.rglob("*") if root.is_dir() else [root]):
            if path.is_file():
                digest.update(str(path.relative_to(PROJECT_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def checks_signature(dbt_vars: Mapping[str, object]) -> str:
    """The project's signature under a set of dbt vars (what the seeds' tests, the unit tests and the compiled SQL
    depend on)."""
    settings = json.dumps(dict(dbt_vars), sort_keys=True, default=str)
    return hashlib.sha256((project_signature() + settings).encode()).hexdigest()[:16]
