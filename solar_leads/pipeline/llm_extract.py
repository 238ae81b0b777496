"""The LLM extraction step: for each lead company and field, ask the LLM for the value in its snippet blocks,
ask it again to verify, and store the candidates in raw.llm_candidates (failures in raw.crawl_log)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pandas as pd

from solar_leads.config import Config, LLMSettings
from solar_leads.pipeline.llm_client import LLMError, extract, verify
from solar_leads.warehouse.connection import connect


def run_llm_extraction(config: Config, settings: LLMSettings, run_id: str) -> dict[str, int]:
    with connect(config.warehouse) as con:
        work = con.execute(
            "select company_key, company, field, field_description, blocks"
            " from intermediate.int_enrichment_blocks_grouped order by company_key, field"
        ).fetchall()
    candidates, failures = [], []
    for company_key, company, field, description, blocks in work:
        try:
            found = extract(settings, company, field, description, blocks)
            if found:
                found["verdict"] = verify(settings, company, field, found["value"], blocks)
        except LLMError as exc:
            failures.append(
                {
                    "run_id": run_id,
                    "logged_at": datetime.now(UTC).replace(tzinfo=None),
                    "kind": "llm_error",
                    "source": "llm",
                    "url": settings.base_url,
                    "error": f"{company} / {field}: {exc}",
                    "retries": 0,
                }
            )
            continue
        if found:
            candidates.append(
                {
                    "run_id": run_id,
                    "company_key": company_key,
                    "company": company,
                    "field": field,
                    "extracted_at": datetime.now(UTC).replace(tzinfo=None),
                    **found,
                }
            )
    with connect(config.warehouse) as con:
        con.execute("begin transaction")
        for table, rows in (("llm_candidates", candidates), ("crawl_log", failures)):
            if rows:
                con.register("llm_rows", pd.DataFrame(rows))
                con.execute(f"insert into raw.{table} by name select * from llm_rows")
                con.unregister("llm_rows")
        con.execute("commit")
    print(
        f"LLM extraction: {len(candidates)} candidates from {len(work)} company fields, "
        f"{len(failures)} failed (see raw.crawl_log)",
        file=sys.stderr,
    )
    return {"asked": len(work), "candidates": len(candidates), "failures": len(failures)}
