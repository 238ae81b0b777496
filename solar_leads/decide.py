"""`leads decide`: the second seed's acceptance rules over a file of candidates, computed by the dbt macros."""

from __future__ import annotations

import tempfile
from pathlib import Path

from solar_leads.config import Config
from solar_leads.dbt_runner import run_dbt
from solar_leads.decision_log import write_events
from solar_leads.tabular_io import file_format, load_as_text, write_query
from solar_leads.warehouse import connect, ensure_raw_schema

INPUT_COLUMNS = (
    "candidate_id", "field", "candidate", "model_conf", "source_hint",
    "recall_hits", "recall_used", "verdict", "target_regex",
)
DECISION_COLUMNS = (
    "base", "recall_factor", "computed_conf", "is_authoritative", "passes_verdict",
    "passes_confidence", "passes_regex", "allow_zero_recall", "accepted", "reason",
)


def events_path_for(output: Path) -> Path:
    """The decision log written beside an output file: decisions.csv -> decisions.events.jsonl."""
    return output.with_name(output.stem + ".events.jsonl")


def decide(config: Config, input_path: Path, output: Path | None, events: Path | None) -> dict[str, int]:
    """Decide every candidate in `input_path`; write decisions (and events) and return the counts."""
    out_format = file_format(output, "output file") if output else file_format(input_path, "input file")
    with tempfile.TemporaryDirectory(prefix="leads-decide-") as scratch:
        # A scratch warehouse: deciding a file never touches the pipeline's warehouse.
        warehouse = Path(scratch) / "decide.duckdb"
        with connect(warehouse) as con:
            ensure_raw_schema(con)
            load_as_text(con, input_path, "raw.decision_requests", INPUT_COLUMNS)
        run_dbt(
            ["build", "--select", "+candidate_decisions", "--exclude-resource-type", "unit_test"],
            warehouse, config.dbt_vars(), quiet=True,
        )
        with connect(warehouse) as con:
            columns = ", ".join((*INPUT_COLUMNS, *DECISION_COLUMNS))
            write_query(
                con, f"select {columns} from marts.candidate_decisions order by request_row", output, out_format
            )
            if events is not None:
                write_events(con, "marts.candidate_decisions", "request_row", events)
            total, accepted, invalid = con.execute(
                "select count(*), count(*) filter (where accepted),"
                " count(*) filter (where reason like 'invalid_input(%') from marts.candidate_decisions"
            ).fetchone()
    return {"candidates": total, "accepted": accepted, "rejected": total - accepted, "invalid": invalid}
