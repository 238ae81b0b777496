"""Run dbt models' compiled SQL in an in-memory DuckDB, for the ad-hoc commands (`leads decide`, `leads score`).

dbt seeds and compiles the models into a cache warehouse file named memory.duckdb, so relations read
"memory"."<schema>"."<name>" - the name of an in-memory DuckDB - and the scoring macros can read the seeds
while compiling. The compiled SQL is cached under target/ keyed by a fingerprint of the dbt project files and
the vars: dbt runs only when the rules change. The rules stay in the dbt macros and seeds; Python only runs SQL.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Mapping, Sequence

import duckdb
import yaml

from solar_leads.config import PROJECT_DIR
from solar_leads.dbt_runner import run_dbt
from solar_leads.tabular_io import atomic_path

SEEDS_DIR = PROJECT_DIR / "dbt" / "seeds"
CACHE_DIR = PROJECT_DIR / "target" / "leads_compiled"
PROJECT_SOURCES = ("dbt_project.yml", "dbt/profiles.yml", "models", "macros", "dbt/seeds")


def _fingerprint(names: Sequence[str], dbt_vars: Mapping[str, object]) -> str:
    digest = hashlib.sha256(json.dumps([list(names), dict(dbt_vars)], sort_keys=True).encode())
    for source in PROJECT_SOURCES:
        root = PROJECT_DIR / source
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(PROJECT_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def compiled_sql(names: Sequence[str], dbt_vars: Mapping[str, object]) -> dict[str, str]:
    """The compiled SQL of each model in `names`, from the cache or a fresh `dbt compile`."""
    key = _fingerprint(names, dbt_vars)
    cache = CACHE_DIR / f"{key}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    warehouse = CACHE_DIR / key / "memory.duckdb"
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    run_dbt(["seed"], warehouse, dbt_vars, quiet=True)
    result = run_dbt(["compile", "--select", *names], warehouse, dbt_vars, quiet=True)
    compiled = {r.node.name: r.node.compiled_code for r in result.results if r.node.name in names}
    missing = set(names) - set(compiled)
    if missing:
        raise RuntimeError(f"dbt compile did not return {sorted(missing)}")
    with atomic_path(cache) as tmp:
        tmp.write_text(json.dumps(compiled))
    shutil.rmtree(warehouse.parent, ignore_errors=True)
    return compiled


def seed_column_types() -> dict[str, dict[str, str]]:
    """Column types of every seed, as declared in dbt/seeds/_seeds.yml (the same types dbt loads them with)."""
    # the C loader when PyYAML has one: it runs on every ad-hoc command
    spec = yaml.load((SEEDS_DIR / "_seeds.yml").read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {seed["name"]: seed["config"]["column_types"] for seed in spec["seeds"]}


def load_seeds(con: duckdb.DuckDBPyConnection, names: set[str] | None = None) -> None:
    """Load the seeds (all, or only `names`) from their CSV files with their declared column types."""
    con.execute("create schema if not exists seeds")
    for name, types in seed_column_types().items():
        if names is not None and name not in names:
            continue
        path = str(SEEDS_DIR / f"{name}.csv").replace("'", "''")
        columns = ", ".join(f"'{column}': '{kind}'" for column, kind in types.items())
        con.execute(
            f"create table seeds.{name} as select * from read_csv('{path}', header = true, columns = {{{columns}}})"
        )


def seeds_used(compiled: Mapping[str, str]) -> set[str]:
    """The seeds that compiled SQL reads."""
    return {name for sql in compiled.values() for name in re.findall(r'"memory"\."seeds"\."(\w+)"', sql)}


def in_memory_connection(compiled: Mapping[str, str] | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory database (named "memory", as the compiled SQL expects) with the seeds loaded: those the
    compiled models read, or all of them."""
    con = duckdb.connect(":memory:", config={"threads": os.cpu_count() or 1})
    for schema in ("raw", "staging", "intermediate", "marts"):
        con.execute(f"create schema {schema}")
    load_seeds(con, seeds_used(compiled) if compiled is not None else None)
    return con


def create_views(con: duckdb.DuckDBPyConnection, compiled: Mapping[str, str]) -> None:
    """Create each compiled model as a view in its folder's schema, in the given (dependency) order."""
    for name, sql in compiled.items():
        schema = next((PROJECT_DIR / "models").rglob(f"{name}.sql")).parent.name
        con.execute(f"create view {schema}.{name} as {sql}")
