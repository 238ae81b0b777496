"""`leads decide`: the second seed's acceptance rules over a file of candidates, computed by the dbt macros."""

from __future__ import annotations

from pathlib import Path

from solar_leads.compiled_models import compiled_sql, create_views, in_memory_connection
from solar_leads.config import Config
from solar_leads.decision_log import write_events
from solar_leads.tabular_io import file_format, load_as_text, write_query
from solar_leads.warehouse import ensure_raw_schema

INPUT_COLUMNS = (
    "candidate_id", "field", "candidate", "model_conf", "source_hint",
    "recall_hits", "recall_used", "verdict", "target_regex",
)  # fmt: skip
DECISION_COLUMNS = (
    "base", "recall_factor", "computed_conf", "is_authoritative", "passes_verdict",
    "passes_confidence", "passes_regex", "allow_zero_recall", "accepted", "reason",
)  # fmt: skip
MODELS = ("stg_requests__decision_candidates", "candidate_decisions")


def events_path_for(output: Path) -> Path:
    """The decision log written beside an output file: decisions.csv -> decisions.events.jsonl."""
    return output.with_name(output.stem + ".events.jsonl")


def decide(config: Config, input_path: Path, output: Path | None, events: Path | None) -> dict[str, int]:
    """Decide every candidate in `input_path`; write decisions (and events) and return the counts.

    Runs the compiled dbt models in an in-memory DuckDB: deciding a file never touches the warehouse.
    """
    out_format = file_format(output, "output file") if output else file_format(input_path, "input file")
    compiled = compiled_sql(MODELS, config.dbt_vars())
    with in_memory_connection(compiled) as con:
        ensure_raw_schema(con)
        load_as_text(con, input_path, "raw.decision_requests", INPUT_COLUMNS)
        create_views(con, compiled)
        # materialize once (only what is written): the file, the events and the counts read the same decisions
        columns = ", ".join((*INPUT_COLUMNS, *DECISION_COLUMNS))
        con.execute(f"create table decisions as select request_row, {columns} from marts.candidate_decisions")
        write_query(con, f"select {columns} from decisions order by request_row", output, out_format)
        if events is not None:
            write_events(con, "decisions", "request_row", events)
        total, accepted, invalid = con.execute(
            "select count(*), count(*) filter (where accepted),"
            " count(*) filter (where reason like 'invalid_input(%') from decisions"
        ).fetchall()[0]
    return {"candidates": total, "accepted": accepted, "rejected": total - accepted, "invalid": invalid}
