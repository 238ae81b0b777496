"""The second seed's decision log: one JSON object per accept / reject / fallback_accept event."""

from __future__ import annotations

from pathlib import Path

import duckdb

from solar_leads.tabular_io import write_query

# Event shapes follow the seed's "Example Log Entries"; candidate_id ties an event to its input row.
EVENT_SQL = """
select case
    when accepted and coalesce(decision_kind, 'accept') = 'fallback_accept' then json_object(
        'event', 'fallback_accept', 'candidate_id', candidate_id, 'field', field, 'value', candidate,
        'confidence', round(computed_conf, 3), 'reason', reason)
    when accepted then json_object(
        'event', 'accept', 'candidate_id', candidate_id, 'field', field, 'value', candidate,
        'confidence', round(computed_conf, 3), 'recall_used', recall_used,
        'zero_recall_accepted', recall_used = 0)
    else json_object(
        'event', 'reject', 'candidate_id', candidate_id, 'field', field, 'reason', reason,
        'regex', coalesce(target_regex, ''), 'confidence', round(computed_conf, 3),
        'recall_used', recall_used, 'model_conf', model_conf)
end as event
from {relation}
order by {order}
"""


def write_events(con: duckdb.DuckDBPyConnection, relation: str, order: str, target: Path) -> None:
    """Write the events of a decisions relation (needs a decision_kind column or none) as JSONL."""
    columns = {row[0] for row in con.execute(f"describe {relation}").fetchall()}
    source = relation if "decision_kind" in columns else f"(select *, null as decision_kind from {relation})"
    sql = f"select event from ({EVENT_SQL.format(relation=source, order=order)})"
    # json_object values are JSON already: write each as one line of text, not re-quoted
    write_query(con, f"select event::varchar as line from ({sql})", target, "lines")
