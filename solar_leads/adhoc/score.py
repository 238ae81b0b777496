"""`leads score`: the scoring rules (dbt macros over the rule seeds) applied to postings from files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from solar_leads.config import Config
from solar_leads.files import file_format, load_as_text, write_query
from solar_leads.labels.store import read_items
from solar_leads.warehouse.compiled_models import create_views, open_adhoc

MODEL = "adhoc_scored_items"
# what is written: materializing only these keeps the texts out of memory
SCORE_COLUMNS = "request_row, item_id, score, qualified, confidence_score, rejection_category, role_class, reasons"
OUTPUT_COLUMNS = "item_id as id, score, qualified, confidence_score, rejection_category, role_class, reasons"


def load_items(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Make requests.score_items the postings of `path`. A .json file is a golden / rejected-leads document
    ({"metadata", "items"}) or a list of items; a CSV / JSONL needs company and description and may have id,
    title, label, category, and is read straight from the file in one pass. Items without a title are scored on
    the first 200 characters of the description."""
    if file_format(path, "input file") == "json":
        frame = pd.DataFrame(read_items(path, require_label=False))
        con.register("item_frame", frame.rename(columns={"item_id": "id"}).drop(columns=["synthetic"]))
        con.execute(
            "insert into requests.score_items by name select row_number() over () as request_row, * from item_frame"
        )
        con.unregister("item_frame")
    else:
        load_as_text(con, path, "requests.score_items", ("company", "description"),
                     optional=("id", "title", "label", "category"), stream=True)  # fmt: skip


def score(config: Config, input_path: Path, output: Path | None) -> dict[str, int]:
    out_format = file_format(output, "output file") if output else "jsonl"
    con, graph = open_adhoc(config.dbt_vars(), [MODEL])
    with con:
        load_items(con, input_path)
        create_views(con, graph)
        con.execute(f"create table scores as select {SCORE_COLUMNS} from adhoc.{MODEL}")
        write_query(con, f"select {OUTPUT_COLUMNS} from scores order by request_row", output, out_format)
        total, qualified = con.execute("select count(*), count(*) filter (where qualified) from scores").fetchall()[0]
    return {"items": total, "qualified": qualified}
