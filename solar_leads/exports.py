"""Exports of a built warehouse: leads CSV, rejected-leads labeling JSON, run statistics, Label Studio tasks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from solar_leads.config import Config
from solar_leads.decision_log import write_events
from solar_leads.errors import UserError
from solar_leads.tabular_io import atomic_path, write_query
from solar_leads.warehouse import connect

LEAD_COLUMNS = (
    "company", "domain", "job_title", "location", "confidence_score", "posting_url", "linkedin_managers",
    "linkedin_hiring", "linkedin_role", "google_enduser", "date_scraped", "score", "top_tier", "source",
    "qualified_postings",
)  # fmt: skip
# OWASP CSV injection: a text cell that a spreadsheet would read as a formula gets a leading apostrophe.
FORMULA_START = r"^[=+\-@\t\r]"


@dataclass
class ExportedFiles:
    run_id: str
    leads_csv: Path
    rejected_json: Path
    run_stats_json: Path
    label_studio_json: Path
    decisions_jsonl: Path


def safe_text(column: str, name: str | None = None) -> str:
    """A text cell that a spreadsheet cannot read as a formula (OWASP CSV injection: prefix an apostrophe)."""
    text = f"cast({column} as varchar)"
    neutralized = f"case when regexp_matches({text}, '{FORMULA_START}') then chr(39) || {text} else {text} end"
    return f"{neutralized} as {name or column}"


def lead_column(name: str) -> str:
    """A leads CSV column: numbers as they are, text neutralized; the domain is the accepted website when the
    evidence rules accepted one, else the guess."""
    if name in {"confidence_score", "score", "qualified_postings", "date_scraped"}:
        return f"leads.{name}"
    if name == "domain":
        return safe_text("coalesce(profiles.website_domain, leads.domain)", "domain")
    return safe_text(f"leads.{name}", name)


def profile_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The accepted-fact columns of marts.company_profiles (value, confidence, source per field)."""
    columns = [row[0] for row in con.execute("describe marts.company_profiles").fetchall()]
    return [c for c in columns if c not in {"company_key", "company"}]


def write_json(target: Path, payload: object) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def run_stats(con: duckdb.DuckDBPyConnection) -> dict:
    rows = con.execute("select * from marts.run_stats").fetchall()
    columns = [d[0] for d in con.description]
    return dict(zip(columns, rows[0], strict=True))


def rejected_document(con: duckdb.DuckDBPyConnection, run_id: str, max_export: int) -> dict:
    """The seed's labeling schema: metadata + items (id, description, label=false, company, title, notes)."""
    total = con.execute("select count(*) from marts.rejected_leads").fetchall()[0][0]
    rows = con.execute(
        "select id, description, company, title, notes from marts.rejected_leads order by review_rank limit ?",
        [max_export],
    ).fetchall()
    items = [{"id": r[0], "description": r[1], "label": False, "company": r[2], "title": r[3], "notes": r[4]}
             for r in rows]  # fmt: skip
    return {
        "metadata": {
            "created": datetime.now(UTC).isoformat(timespec="seconds"), "purpose": "labeling_review",
            "run_id": run_id, "count": len(items), "total_rejected": total,
            "notes": "Review and change label to true for any false negatives",
        },
        "items": items,
    }  # fmt: skip


def label_studio_tasks(document: dict, con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The same rejected leads as Label Studio tasks (text classification) with the rules' prediction."""
    scores = dict(con.execute("select id, score from marts.rejected_leads").fetchall())
    return [
        {
            "data": {"id": item["id"], "title": item["title"], "company": item["company"], "text": item["description"]},
            "predictions": [{
                "model_version": "solar-leads-rules", "score": min(scores.get(item["id"], 0), 100) / 100,
                "result": [{"from_name": "label", "to_name": "text", "type": "choices",
                            "value": {"choices": ["not a lead"]}}],
            }],
        }
        for item in document["items"]
    ]  # fmt: skip


def export(config: Config) -> ExportedFiles:
    """Write the run's files into OUTPUT_DIR; each appears whole or not at all."""
    if not config.warehouse.exists():
        raise UserError(f"warehouse {config.warehouse} does not exist yet: run `leads run` or `leads build` first")
    with connect(config.warehouse) as con:
        stats = run_stats(con)
        run_id = stats["run_id"] or datetime.now(UTC).strftime("%Y%m%d_%H%M%S")
        out = config.output_dir
        files = ExportedFiles(
            run_id, out / f"solar_leads_{run_id}.csv", out / f"rejected_leads_{run_id}.json",
            out / f"run_stats_{run_id}.json", out / f"label_studio_tasks_{run_id}.json",
            out / f"decisions_{run_id}.jsonl",
        )  # fmt: skip
        columns = ", ".join(lead_column(c) for c in LEAD_COLUMNS)
        profile = ", ".join(safe_text(f"profiles.{c}", c) for c in profile_columns(con))
        write_query(
            con,
            f"select {columns}, {profile} from marts.leads as leads"
            " left join marts.company_profiles as profiles using (company_key) order by score desc, company",
            files.leads_csv, "csv",
        )  # fmt: skip
        write_events(con, "marts.enrichment_decisions", "company_key, field, decision_kind, candidate",
                     files.decisions_jsonl)  # fmt: skip
        document = rejected_document(con, run_id, config.max_export)
        write_json(files.rejected_json, document)
        write_json(files.label_studio_json, label_studio_tasks(document, con))
        write_json(files.run_stats_json, stats)
    return files


def render_stats(stats: dict) -> str:
    """The run's filter statistics as the table `leads run` prints at its end."""
    lines = [
        f"run {stats['run_id']}: {stats['processed']} postings processed, {stats['qualified']} qualified, "
        f"{stats['rejected']} rejected (pass rate {stats['pass_rate_pct'] or 0}%)",
        f"  {'rejections by category':<34} postings",
    ]
    lines += [f"  {r['category']:<34} {r['postings']:>8}" for r in stats["rejections_by_category"]]
    lines.append(f"  {'qualifications by tier':<34} postings")
    lines += [f"  {r['tier']:<34} {r['postings']:>8}" for r in stats["qualifications_by_tier"]]
    lines.append(f"  {'postings by source':<34} postings")
    lines += [f"  {r['source']:<34} {r['postings']:>8}" for r in stats["postings_by_source"] or []]
    lines.append(f"  company blocked {stats['company_blocked']}, failed requests {stats['failed_requests']}, "
                 f"dropped items {stats['dropped_items']}")  # fmt: skip
    return "\n".join(lines)
