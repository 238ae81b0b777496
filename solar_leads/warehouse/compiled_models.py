"""The ad-hoc part of the dbt graph (models/adhoc), run in an in-memory DuckDB for one `leads` call.

dbt itself prepares it, once per change of the rules: `dbt seed` into a scratch warehouse named memory.duckdb,
the request sources created there from their declared column types, then `dbt build --select tag:adhoc` - which
compiles the views and runs their unit tests. Everything a call needs is then read from dbt's manifest: each
node's compiled SQL, schema and dependencies, and each seed's file and column types. It is cached under
target/leads_compiled/ keyed by the project's fingerprint (solar_leads.warehouse.fingerprint) under the
compile-time vars; thresholds are per-call data (the
requests.parameters source), so a new threshold needs no new compile.

The compiled SQL names relations "memory"."<schema>"."<name>", which is what an in-memory DuckDB is called.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from solar_leads.config import ADHOC_CACHE_DIR as CACHE_DIR
from solar_leads.config import DEFAULT_MEMORY_LIMIT, PROJECT_DIR
from solar_leads.files import atomic_path
from solar_leads.warehouse.dbt_runner import run_dbt
from solar_leads.warehouse.fingerprint import checks_signature

ADHOC_SOURCES = ("requests", "labels")  # source names whose tables exist only in the call's database
PER_CALL_VARS = ("lead_threshold", "min_confidence", "folds")  # passed as requests.parameters, not compiled in


@dataclass(frozen=True)
class AdhocGraph:
    """What one ad-hoc call needs from dbt's manifest, in dependency order."""

    seeds: list[dict[str, Any]]  # {schema, name, path, column_types}
    sources: list[dict[str, Any]]  # {schema, name, columns: {name: type}}
    models: list[dict[str, Any]]  # {schema, name, sql, depends_on: [model names]}

    def upstream_of(self, names: Sequence[str]) -> AdhocGraph:
        """Only the models (and the seeds they read) that `names` depend on, themselves included."""
        by_name = {m["name"]: m for m in self.models}
        wanted: set[str] = set()
        stack = list(names)
        while stack:
            name = stack.pop()
            if name in by_name and name not in wanted:
                wanted.add(name)
                stack.extend(by_name[name]["depends_on"])
        seeds = {s for m in self.models if m["name"] in wanted for s in m["seeds"]}
        return AdhocGraph(
            [s for s in self.seeds if s["name"] in seeds],
            self.sources,
            [m for m in self.models if m["name"] in wanted],
        )


def compile_vars(dbt_vars: Mapping[str, object]) -> dict[str, object]:
    """The vars that shape the compiled SQL (the per-call thresholds are not among them)."""
    return {k: v for k, v in dbt_vars.items() if k not in PER_CALL_VARS}


def adhoc_graph(dbt_vars: Mapping[str, object], command: str = "run") -> AdhocGraph:
    """The ad-hoc graph (models/adhoc), created as views by dbt on first use after a change of the rules.
    command="build" also runs the ad-hoc unit and data tests (the test suite does; a user's call does not, so that
    rules tuned with `leads tune --apply` never lock the ad-hoc commands out)."""
    return compiled_graph(dbt_vars, ["tag:adhoc"], command)


def compiled_graph(dbt_vars: Mapping[str, object], select: Sequence[str], command: str = "compile") -> AdhocGraph:
    """The selected models' compiled SQL from the cache, or from a fresh `dbt seed` then `dbt <command>` in a
    scratch warehouse: run (views created), build (and tested) or compile (enough for warehouse models that a
    caller feeds with tables of its own, as the benchmarks do)."""
    compile_time = compile_vars(dbt_vars)
    key = checks_signature({**compile_time, "__select": list(select), "__command": command})
    cache = CACHE_DIR / f"{key}.json"
    if cache.exists():
        return AdhocGraph(**json.loads(cache.read_text()))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with (CACHE_DIR / f"{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # calls started together compile once; the others wait and read the cache
        if cache.exists():
            return AdhocGraph(**json.loads(cache.read_text()))
        return _compile(compile_time, select, command, cache)


def _compile(compile_time: Mapping[str, object], select: Sequence[str], command: str, cache: Path) -> AdhocGraph:
    workdir = cache.with_suffix(f".{os.getpid()}")
    warehouse, target = workdir / "memory.duckdb", workdir / "target"
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        run_dbt(["seed"], warehouse, compile_time, quiet=True, target_path=target)
        with duckdb.connect(str(warehouse)) as con:
            create_source_tables(con, _sources(_manifest(target)))
        results = run_dbt([command, "--select", *select], warehouse, compile_time, quiet=True, target_path=target)
        selected = {r.node.unique_id for r in results if r.node.resource_type == "model"}
        graph = _graph(_manifest(target), selected)
        with atomic_path(cache) as tmp:
            tmp.write_text(json.dumps(graph.__dict__))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return graph


def _manifest(target: Path) -> dict[str, Any]:
    return json.loads((target / "manifest.json").read_text())


def _sources(manifest: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "schema": s["schema"],
            "name": s["identifier"],
            "columns": {c["name"]: c["data_type"] for c in s["columns"].values()},
        }
        for s in manifest["sources"].values()
        if s["source_name"] in ADHOC_SOURCES
    ]


def _graph(manifest: Mapping[str, Any], selected: set[str]) -> AdhocGraph:
    nodes = manifest["nodes"]
    models = {uid: node for uid, node in nodes.items() if uid in selected}
    ordered: list[str] = []

    def visit(uid: str) -> None:  # depth-first: every model after the models it reads
        if uid in ordered:
            return
        for dependency in models[uid]["depends_on"]["nodes"]:
            if dependency in models:
                visit(dependency)
        ordered.append(uid)

    for uid in sorted(models):
        visit(uid)
    seeds = [
        {
            "schema": node["schema"],
            "name": node["alias"],
            "path": node["original_file_path"],  # relative: the cache stays right if the checkout moves
            "column_types": node["config"].get("column_types") or {},
        }
        for node in nodes.values()
        if node["resource_type"] == "seed"
    ]
    return AdhocGraph(
        seeds=seeds,
        sources=_sources(manifest),
        models=[
            {
                "schema": models[uid]["schema"],
                "name": models[uid]["alias"],
                "sql": models[uid]["compiled_code"],
                "depends_on": [nodes[d]["alias"] for d in models[uid]["depends_on"]["nodes"] if d in models],
                "seeds": [
                    nodes[d]["alias"]
                    for d in models[uid]["depends_on"]["nodes"]
                    if nodes.get(d, {}).get("resource_type") == "seed"
                ],
            }
            for uid in ordered
        ],
    )


def create_source_tables(con: duckdb.DuckDBPyConnection, sources: Sequence[Mapping[str, Any]]) -> None:
    """The ad-hoc request tables, empty, with the column types the source yml declares."""
    for source in sources:
        con.execute(f"create schema if not exists {source['schema']}")
        columns = ", ".join(f'"{name}" {kind}' for name, kind in source["columns"].items())
        con.execute(f"create or replace table {source['schema']}.{source['name']} ({columns})")


def open_adhoc(
    dbt_vars: Mapping[str, object], models: Sequence[str], memory_limit: str = DEFAULT_MEMORY_LIMIT
) -> tuple[duckdb.DuckDBPyConnection, AdhocGraph]:
    """A fresh in-memory database holding the request tables, the seeds `models` read, and the call's thresholds
    in requests.parameters. Load the request rows, then call `create_views`."""
    graph = adhoc_graph(dbt_vars).upstream_of(models)
    con = in_memory(graph, memory_limit)
    con.execute(
        "insert into requests.parameters (lead_threshold, min_confidence, folds) values (?, ?, ?)",
        [dbt_vars["lead_threshold"], dbt_vars["min_confidence"], dbt_vars.get("folds", 5)],
    )
    return con, graph


def in_memory(graph: AdhocGraph, memory_limit: str = DEFAULT_MEMORY_LIMIT) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory database (named "memory", as the compiled SQL expects) with the graph's source tables
    (empty) and the seeds it reads. Past `memory_limit` it spills to a folder of its own in the system's temporary
    folder, removed when the process ends."""
    spill = Path(tempfile.gettempdir()) / f"solar-leads-spill-{os.getpid()}"
    atexit.register(shutil.rmtree, spill, ignore_errors=True)
    con = duckdb.connect(
        ":memory:", config={"threads": os.cpu_count() or 1, "memory_limit": memory_limit, "temp_directory": str(spill)}
    )
    create_source_tables(con, graph.sources)
    for seed in graph.seeds:
        con.execute(f"create schema if not exists {seed['schema']}")
        path = str(PROJECT_DIR / seed["path"]).replace("'", "''")
        types = ", ".join(f"'{column}': '{kind}'" for column, kind in seed["column_types"].items())
        options = f", types = {{{types}}}" if types else ""
        con.execute(
            f"create table {seed['schema']}.{seed['name']} as select * from read_csv('{path}', header = true{options})"
        )
    return con


def create_views(con: duckdb.DuckDBPyConnection, graph: AdhocGraph, materialize: Sequence[str] = ()) -> None:
    """Create every model of `graph` as a view, in dependency order; the models named in `materialize` become
    tables instead (computed once for a call that reads them several times)."""
    for model in graph.models:
        kind = "table" if model["name"] in materialize else "view"
        con.execute(f"create schema if not exists {model['schema']}")
        con.execute(f"create {kind} {model['schema']}.{model['name']} as {model['sql']}")
