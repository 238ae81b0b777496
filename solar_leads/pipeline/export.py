"""Exports of a built warehouse: each file streams one export-shaped model (models/marts/exports) or mart.

the leads file (marts.export_leads as CSV; export_crm_hubspot / export_crm_salesforce for a CRM import;
export_lead_rows as an xlsx workbook), rejected-leads labeling JSON and Label Studio tasks
(marts.export_rejected_items), run statistics (marts.run_stats) and the decision log (marts.export_decision_events).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from solar_leads.config import Config
from solar_leads.errors import UserError
from solar_leads.files import check_writable_dir, file_set, write_query
from solar_leads.pipeline.formats import LEADS_FORMATS
from solar_leads.pipeline.workbook import write_workbook
from solar_leads.warehouse.builds import check_marts_current
from solar_leads.warehouse.connection import connect

UTF8_BOM = "\ufeff".encode()


@dataclass
class ExportedFiles:
    run_id: str
    leads: dict[str, Path]  # format -> the leads file
    rejected_json: Path
    run_stats_json: Path
    label_studio_json: Path
    decisions_jsonl: Path

    def paths(self) -> list[Path]:
        return [
            *self.leads.values(),
            self.rejected_json,
            self.run_stats_json,
            self.label_studio_json,
            self.decisions_jsonl,
        ]

    @classmethod
    def named(cls, run_id: str, formats: Sequence[str], folder: Path) -> ExportedFiles:
        leads = {fmt: folder / f"solar_leads_{run_id}{LEADS_FORMATS[fmt][0]}" for fmt in formats}
        return cls(
            run_id,
            leads,
            folder / f"rejected_leads_{run_id}.json",
            folder / f"run_stats_{run_id}.json",
            folder / f"label_studio_tasks_{run_id}.json",
            folder / f"decisions_{run_id}.jsonl",
        )


def write_json(target: Path, payload: object) -> None:
    target.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def run_stats(con: duckdb.DuckDBPyConnection) -> dict:
    cursor = con.execute("select * from marts.run_stats")
    columns = [d[0] for d in cursor.description]
    return dict(zip(columns, cursor.fetchall()[0], strict=True))


def _json_column(con: duckdb.DuckDBPyConnection, column: str, limit: int) -> list[dict]:
    rows = con.execute(
        f"select {column} from marts.export_rejected_items order by export_order limit ?", [limit]
    ).fetchall()
    return [json.loads(row[0]) for row in rows]


def rejected_document(con: duckdb.DuckDBPyConnection, run_id: str, max_export: int) -> dict:
    """The labeling schema of docs/lead-scoring.md (Rejected-leads export): metadata + items (id, description,
    label=false, company, title, notes)."""
    total = con.execute("select count(*) from marts.export_rejected_items").fetchall()[0][0]
    items = _json_column(con, "item", max_export)
    return {
        "metadata": {
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "purpose": "labeling_review",
            "run_id": run_id,
            "count": len(items),
            "total_rejected": total,
            "notes": "Review and change label to true for any false negatives",
        },
        "items": items,
    }


def export(config: Config, formats: Sequence[str] = ("csv",), bom: bool = False) -> ExportedFiles:
    """Write the run's files into OUTPUT_DIR, all together or none; refuse marts that are not current.
    formats: the leads file's formats (LEADS_FORMATS); bom: start CSV files with a UTF-8 byte order mark."""
    unknown = [fmt for fmt in formats if fmt not in LEADS_FORMATS]
    if unknown:
        raise UserError(f"unknown format {unknown[0]!r} (known: {', '.join(LEADS_FORMATS)})")
    if not config.warehouse.exists():
        raise UserError(f"warehouse {config.warehouse} does not exist yet: run `leads run` or `leads build` first")
    check_writable_dir(config.output_dir)
    with connect(config.warehouse, read_only=True) as con:
        check_marts_current(con)
        stats = run_stats(con)
        if not stats["run_id"]:
            raise UserError(f"warehouse {config.warehouse} holds no crawled postings: nothing to export")
        run_id = stats["run_id"]
        wanted = list(dict.fromkeys([*formats, "new"] if "csv" in formats else formats))
        final = ExportedFiles.named(run_id, wanted, config.output_dir)
        with file_set(config.output_dir, [p.name for p in final.paths()]) as staged:
            files = ExportedFiles.named(run_id, list(final.leads), next(iter(staged.values())).parent)
            for fmt, path in files.leads.items():
                write_leads(con, fmt, path, bom)
            write_query(
                con,
                "select event from marts.export_decision_events order by export_order",
                files.decisions_jsonl,
                "lines",
                atomic=False,
            )
            write_json(files.rejected_json, rejected_document(con, run_id, config.max_export))
            write_json(files.label_studio_json, _json_column(con, "task", config.max_export))
            write_json(files.run_stats_json, stats)
    return final


def write_leads(con: duckdb.DuckDBPyConnection, fmt: str, path: Path, bom: bool) -> None:
    """The leads file in one format, streamed from its model in export order."""
    model = LEADS_FORMATS[fmt][1]
    hidden = "export_order, city, state_region, country_region" if fmt == "xlsx" else "export_order"
    sql = f"select * exclude ({hidden}) from marts.{model} order by export_order"
    if fmt == "xlsx":
        cursor = con.execute(sql)
        write_workbook(path, [d[0] for d in cursor.description or []], iter(cursor.fetchone, None))
        return
    write_query(con, sql, path, "csv", atomic=False)
    if bom:
        with_bom = path.with_name(path.name + ".bom")
        with path.open("rb") as plain, with_bom.open("wb") as out:
            out.write(UTF8_BOM)
            shutil.copyfileobj(plain, out)
        os.replace(with_bom, path)


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
    for site in stats.get("jobsearch_by_site") or []:
        lines.append(
            f"  jobsearch:{site['site']:<24} {site['attempted']} searched, {site['succeeded']} succeeded, "
            f"{site['blocked']} blocked, {site['jobs_found']} jobs found"
        )
    lines.append(
        f"  boards: {stats.get('boards_found_by_search', 0)} found by search, "
        f"{stats.get('boards_found_by_probe', 0)} by probe, {stats.get('boards_crawled', 0)} crawled, "
        f"{stats.get('boards_retired', 0)} retired"
    )
    listed_only = stats.get("listed_only_by_board") or []
    if listed_only:
        jobs = sum(board["postings"] for board in listed_only)
        lines.append(
            f"  listed only (title missed the wide net, no detail fetched): {jobs} on {len(listed_only)} boards"
        )
    lines.append(
        f"  company blocked {stats['company_blocked']}, failed requests {stats['failed_requests']}, "
        f"dropped items {stats['dropped_items']}"
    )
    return "\n".join(lines)
