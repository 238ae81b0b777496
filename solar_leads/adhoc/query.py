"""`leads query`: read-only ad-hoc SQL on the warehouse, one SELECT / WITH statement at a time."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp

from solar_leads.errors import UserError

# Table functions that read no files; every other table function (read_csv, glob, ...) is refused.
SAFE_TABLE_FUNCTIONS = {"unnest", "range", "generate_series"}
REFUSED_FUNCTION_PREFIXES = ("read_", "glob", "getenv", "sniff_", "parquet_", "query", "duckdb_secrets")


def check_query(sql: str) -> str:
    """Return `sql` if it is exactly one read-only query; raise UserError saying why not."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except sqlglot.errors.ParseError as exc:
        raise UserError(f"query does not parse: {str(exc).splitlines()[0]}") from None
    if len(statements) != 1:
        raise UserError(f"give exactly one statement (found {len(statements)})")
    statement = statements[0]
    if not isinstance(statement, exp.Query):
        kind = statement.key.upper()
        raise UserError(f"only SELECT / WITH queries are allowed here, not {kind}: the warehouse is read-only")
    for node in statement.walk():
        if isinstance(node, exp.Table) and not isinstance(node.this, exp.Identifier):
            name = node.this.sql(dialect="duckdb").split("(")[0].lower()
            if name not in SAFE_TABLE_FUNCTIONS:
                raise UserError(f"table function {name}() is not allowed: queries may read warehouse tables only")
        if isinstance(node, exp.Table) and isinstance(node.this, exp.Identifier) and "/" in node.name:
            raise UserError(f"reading files ({node.name!r}) is not allowed: query warehouse tables only")
        if isinstance(node, exp.Func):
            name = (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
            if name.startswith(REFUSED_FUNCTION_PREFIXES):
                raise UserError(f"function {name}() is not allowed: queries may read warehouse tables only")
    return sql


def run_query(warehouse: Path, sql: str, fmt: str = "table") -> None:
    check_query(sql)
    if not warehouse.exists():
        raise UserError(f"warehouse {warehouse} does not exist yet: run `leads run` or `leads build` first")
    # Belt and braces: even a query that slipped past the checks cannot write or touch files.
    config: dict[str, str | bool | int | float | list[str]] = {
        "enable_external_access": False,
        "lock_configuration": True,
    }
    with duckdb.connect(str(warehouse), read_only=True, config=config) as con:
        try:
            frame = con.execute(sql).df()
        except duckdb.Error as exc:
            raise UserError(f"query failed: {str(exc).splitlines()[0]}") from None
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(json.dumps(json.loads(frame.to_json(orient="records", date_format="iso")), indent=2))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(frame.to_string(index=False, max_colwidth=60) if len(frame) else "(no rows)")
        sys.stdout.write(f"\n({len(frame)} row{'s' if len(frame) != 1 else ''})\n")
