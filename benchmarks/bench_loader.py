"""The crawl's DuckDB loader (batched Arrow/DataFrame appends in transactions) beside row-by-row INSERTs,
and the demo crawl's pages and postings per second."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from scrapy.utils.test import get_crawler

from benchmarks.timing import median_seconds
from scrapy_project import settings as project_settings
from scrapy_project.items import PostingItem
from scrapy_project.pipelines import DuckDBPipeline
from solar_leads.warehouse.connection import connect
from solar_leads.warehouse.schema import migrate

DESCRIPTION = "Design residential PV systems in Aurora Solar and prepare permit plan sets. " * 25  # ~2 KB


def items(count: int) -> list[PostingItem]:
    return [
        PostingItem(
            source="greenhouse",
            source_key="greenhouse:bench",
            external_id=str(n),
            url=f"https://jobs.example/{n}",
            title=f"Solar Designer {n}",
            company=f"Company {n % 500}",
            description=DESCRIPTION,
            location="Austin, TX",
            posted_at="2026-09-01",
            payload={"id": n},
        )
        for n in range(count)
    ]


def load_with_pipeline(warehouse: Path, batch: list[PostingItem]) -> None:
    crawler = get_crawler(
        settings_dict={
            "LEADS_WAREHOUSE": str(warehouse),
            "LEADS_RUN_ID": "20260101_000000",
            "DUCKDB_BATCH_SIZE": project_settings.DUCKDB_BATCH_SIZE,
        }
    )
    pipeline = DuckDBPipeline.from_crawler(crawler)
    pipeline.open_spider()
    for item in batch:
        pipeline.process_item(item)
    pipeline.close_spider()


def load_row_by_row(warehouse: Path, batch: list[PostingItem]) -> None:
    with connect(warehouse) as con:
        for item in batch:
            con.execute(
                "insert into raw.postings (run_id, source, source_key, external_id, url, scraped_at, title, company,"
                " location, description, posted_at, payload) values (?, ?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?)",
                [
                    "20260101_000000",
                    item.source,
                    item.source_key,
                    item.external_id,
                    item.url,
                    item.title,
                    item.company,
                    item.location,
                    item.description,
                    item.posted_at,
                    "{}",
                ],
            )


def demo_crawl(workdir: Path) -> dict[str, float]:
    """Every board of the demo corpus (demo/boards.yml), served on 127.0.0.1."""
    from demo.server import serve

    with serve() as base_url:
        start = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "solar_leads.cli",
                "crawl",
                "--sources",
                "demo/boards.yml",
                "--warehouse",
                str(workdir / "demo.duckdb"),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "DEMO_URL": base_url},
        )
    wall = time.perf_counter() - start
    responses, seconds = re.search(r"(\d+) responses in ([\d.]+)s", result.stderr).groups()
    postings = sum(int(n) for n in re.findall(r"^\s+\w+\s+(\d+) loaded$", result.stderr, re.M))
    return {
        "responses": int(responses),
        "postings": postings,
        "crawl_s": float(seconds),
        "wall_s": wall,
        "pages_per_s": int(responses) / float(seconds),
        "postings_per_s": postings / float(seconds),
    }


def run(workdir: Path, repeats: int = 3, rows: int = 100_000, baseline_rows: int = 5_000) -> dict:
    batch, small = items(rows), items(baseline_rows)
    counter = iter(range(10_000))

    def fresh() -> Path:
        path = workdir / f"w{next(counter)}.duckdb"
        with connect(path) as con:
            migrate(con)
        return path

    medians = median_seconds(
        {
            f"pipeline, {rows:,} postings": lambda: load_with_pipeline(fresh(), batch),
            f"row-by-row INSERT, {baseline_rows:,} postings": lambda: load_row_by_row(fresh(), small),
        },
        repeats,
    )
    pipeline_rate = rows / medians[f"pipeline, {rows:,} postings"]
    baseline_rate = baseline_rows / medians[f"row-by-row INSERT, {baseline_rows:,} postings"]
    return {
        "name": "loader",
        "medians_s": medians,
        "pipeline_postings_per_s": pipeline_rate,
        "row_by_row_postings_per_s": baseline_rate,
        "speedup": pipeline_rate / baseline_rate,
        "demo_crawl": demo_crawl(workdir),
        "target": ">= 20,000 postings/s into DuckDB",
    }
