"""`leads decide`: the acceptance rules of docs/enrichment-evidence.md over a file of candidates, computed by the
dbt macros."""

from __future__ import annotations

from pathlib import Path

from solar_leads.config import Config
from solar_leads.files import file_format, load_as_text, write_query
from solar_leads.warehouse.compiled_models import create_views, open_adhoc

INPUT_COLUMNS = (
    "candidate_id",
    "field",
    "candidate",
    "model_conf",
    "source_hint",
    "recall_hits",
    "recall_used",
    "verdict",
    "target_regex",
)
DECISION_COLUMNS = (
    "base",
    "recall_factor",
    "computed_conf",
    "is_authoritative",
    "passes_verdict",
    "passes_confidence",
    "passes_regex",
    "allow_zero_recall",
    "accepted",
    "reason",
)
MODELS = ("adhoc_candidate_decisions", "adhoc_decision_events")


def events_path_for(output: Path) -> Path:
    """The decision log written beside an output file: decisions.csv -> decisions.events.jsonl."""
    return output.with_name(output.stem + ".events.jsonl")


def decide(config: Config, input_path: Path, output: Path | None, events: Path | None) -> dict[str, int]:
    """Decide every candidate in `input_path`; write decisions (and events) and return the counts.

    Runs the compiled dbt models in an in-memory DuckDB: deciding a file never touches the warehouse.
    """
    out_format = file_format(output, "output file") if output else file_format(input_path, "input file")
    con, graph = open_adhoc(config.dbt_vars(), MODELS, config.memory_limit)
    with con:
        load_as_text(con, input_path, "requests.decision_candidates", INPUT_COLUMNS)
        create_views(con, graph, materialize=[MODELS[0]])  # the file, the events and the counts read it
        columns = ", ".join((*INPUT_COLUMNS, *DECISION_COLUMNS))
        write_query(
            con, f"select {columns} from adhoc.adhoc_candidate_decisions order by request_row", output, out_format
        )
        if events is not None:
            write_query(con, "select event from adhoc.adhoc_decision_events order by request_row", events, "lines")
        total, accepted, invalid = con.execute(
            "select count(*), count(*) filter (where accepted),"
            " count(*) filter (where reason like 'invalid_input(%') from adhoc.adhoc_candidate_decisions"
        ).fetchall()[0]
    return {"candidates": total, "accepted": accepted, "rejected": total - accepted, "invalid": invalid}
