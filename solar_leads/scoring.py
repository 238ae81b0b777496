"""`leads score`: the scoring rules (dbt macros over the rule seeds) applied to postings from files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from solar_leads.compiled_models import compiled_sql, create_views, in_memory_connection
from solar_leads.config import Config
from solar_leads.labeled_data import read_items
from solar_leads.tabular_io import file_format, load_as_text, write_query
from solar_leads.warehouse import ensure_raw_schema

MODELS = ("stg_requests__score_items", "scored_items")
# what score and evaluate read: materializing only these keeps the texts out of memory
SCORE_COLUMNS = (
    "request_row, item_id, title_used, company, label, category, score, eligible, qualified, confidence_score,"
    " rejection_category, reasons"
)
OUTPUT_COLUMNS = "item_id as id, score, qualified, confidence_score, rejection_category, reasons"


def load_items(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Make raw.score_requests the postings of `path`. A .json file is a golden / rejected-leads document
    ({"metadata", "items"}) or a list of items; a CSV / JSONL needs company and description and may have id,
    title, label, category, and is read straight from the file in one pass. Items without a title are scored on
    the first 200 characters of the description."""
    if file_format(path, "input file") == "json":
        load_frame(con, pd.DataFrame(read_items(path, require_label=False)))
    else:
        load_as_text(con, path, "raw.score_requests", ("company", "description"),
                     optional=("id", "title", "label", "category"), stream=True)  # fmt: skip


def load_frame(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> None:
    """Append items (columns item_id, title, company, description, label, category) to raw.score_requests."""
    offset = con.execute("select count(*) from raw.score_requests").fetchall()[0][0]
    con.register("item_frame", frame.rename(columns={"item_id": "id"}).drop(columns="source_file", errors="ignore"))
    con.execute(
        "insert into raw.score_requests by name"
        f" select row_number() over () + {offset} as request_row, * from item_frame"
    )
    con.unregister("item_frame")


def scored_connection(config: Config, load) -> duckdb.DuckDBPyConnection:
    """An in-memory database whose table `scores` holds marts.scored_items for the items `load(con)` inserts."""
    compiled = compiled_sql(MODELS, config.dbt_vars())
    con = in_memory_connection(compiled)
    ensure_raw_schema(con)
    load(con)
    create_views(con, compiled)
    con.execute(f"create table scores as select {SCORE_COLUMNS} from marts.scored_items")
    return con


def score(config: Config, input_path: Path, output: Path | None) -> dict[str, int]:
    out_format = file_format(output, "output file") if output else "jsonl"
    with scored_connection(config, lambda con: load_items(con, input_path)) as con:
        write_query(con, f"select {OUTPUT_COLUMNS} from scores order by request_row", output, out_format)
        total, qualified = con.execute("select count(*), count(*) filter (where qualified) from scores").fetchall()[0]
    return {"items": total, "qualified": qualified}
