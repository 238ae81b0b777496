"""The enrichment crawl: search queries for every lead company and field, run through the SearxNG spider."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from solar_leads.config import Config
from solar_leads.warehouse.connection import connect


def searches(config: Config) -> list[dict[str, str]]:
    """The search plan (marts.search_plan): up to MAX_QUERIES queries per lead company and field."""
    with connect(config.warehouse) as con:
        rows = con.execute("select company, field, query from marts.search_plan order by export_order").fetchall()
    return [{"company": company, "field": field, "query": query} for company, field, query in rows]


def collect_snippets(config: Config, endpoint: str, run_id: str, user_agent: str | None, crawl) -> int:
    """Crawl the search endpoint for every lead's queries; `crawl(config, sources_path, run_id)` runs the crawl and
    returns its exit status, which this returns (0 when there was nothing to search)."""
    planned = searches(config)
    if not planned:
        print("no leads to enrich", file=sys.stderr)
        return 0
    document: dict[str, object] = {"sources": [{"type": "searxng", "base_url": endpoint, "searches": planned}]}
    if user_agent:
        document["user_agent"] = user_agent
    with tempfile.TemporaryDirectory(prefix="leads-search-") as tmp:
        sources = Path(tmp) / "searches.yml"
        sources.write_text(json.dumps(document))  # JSON is YAML
        return crawl(config, sources, run_id)
