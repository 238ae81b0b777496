"""`leads score`: the scoring rules (dbt macros over the rule seeds) applied to postings from files."""

from __future__ import annotations

from pathlib import Path

import duckdb

from solar_leads.config import Config
from solar_leads.files import file_format, load_as_text, read_with_fallback, write_query
from solar_leads.warehouse.compiled_models import create_views, open_adhoc

MODEL = "adhoc_scored_items"
# what is written: materializing only these keeps the texts out of memory
SCORE_COLUMNS = "request_row, item_id, score, qualified, confidence_score, rejection_category, role_class, reasons"
OUTPUT_COLUMNS = (
    "coalesce(item_id, 'row_' || request_row) as id, score, qualified, confidence_score, rejection_category, "
    "role_class, reasons"
)


def load_items(con: duckdb.DuckDBPyConnection, path: Path, parallel: bool = True) -> None:
    """Make requests.score_items the postings of `path`. A .json file is a golden / rejected-leads document
    ({"metadata", "items"}) or a list of items; a CSV / JSONL needs company and description and may have id,
    title, label, category, and is read straight from the file in one pass. Items without a title are scored on
    the first 200 characters of the description."""
    if file_format(path, "input file") == "json":
        # imported here: pandas takes longer to import than a CSV of 10,000 postings takes to score
        import pandas as pd

        from solar_leads.rules.labels import read_items

        frame = pd.DataFrame(read_items(path, require_label=False))
        con.register("item_frame", frame.rename(columns={"item_id": "id"}).drop(columns=["synthetic"]))
        con.execute(
            "insert into requests.score_items by name select row_number() over () as request_row, * from item_frame"
        )
        con.unregister("item_frame")
    else:
        load_as_text(
            con,
            path,
            "requests.score_items",
            ("company", "description"),
            optional=("id", "title", "label", "category"),
            stream=True,
            parallel=parallel,
        )


def score(config: Config, input_path: Path, output: Path | None) -> dict[str, int]:
    out_format = file_format(output, "output file") if output else "jsonl"
    con, graph = open_adhoc(config.dbt_vars(), [MODEL], config.memory_limit)
    with con:
        load_items(con, input_path)
        create_views(con, graph)

        def score_file(parallel: bool) -> int:
            if not parallel:
                load_items(con, input_path, parallel=False)
            # a streamed file's rows are numbered here, after the parallel scan: the table keeps the file's order
            con.execute(f"create or replace table scored as select {SCORE_COLUMNS} from adhoc.{MODEL}")
            return con.execute("select count(*) from scored").fetchall()[0][0]

        read_with_fallback(input_path, score_file)
        con.execute(
            "create view scores as select * replace (coalesce(request_row, rowid + 1) as request_row) from scored"
        )
        # no sort: the table is in input order, and a scan without ORDER BY keeps insertion order
        write_query(con, f"select {OUTPUT_COLUMNS} from scores", output, out_format)
        total, qualified = con.execute("select count(*), count(*) filter (where qualified) from scores").fetchall()[0]
    return {"items": total, "qualified": qualified}
