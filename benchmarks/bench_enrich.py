"""Recall (the four evidence passes) and acceptance for 10,000 companies x 80 snippet blocks, through the pipeline's
compiled dbt models (int_enrichment_candidates_recalled -> enrichment_candidates -> enrichment_decisions) in an
in-memory DuckDB, beside the pure-Python evidence search and rules."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from benchmarks.baseline_recall import run as python_run
from benchmarks.timing import median_seconds
from solar_leads.config import load_config
from solar_leads.warehouse.compiled_models import AdhocGraph, compiled_graph, create_views, in_memory
from solar_leads.warehouse.schema import migrate

MODELS = ("int_enrichment_candidates_recalled", "enrichment_candidates", "enrichment_decisions")
HOSTS = ["www.seia.org", "opencorporates.com", "www.linkedin.com", "solar-directory.example", "news.example.com"]
CITIES = ["Austin, TX", "Denver, CO", "Tulsa, OK", "Boise, ID", "Omaha, NE", "Raleigh, NC"]


def synthetic(companies: int, blocks_per_company: int, seed: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Snippet blocks (hq_city_state) and the values extracted from them, ~3 distinct values per company."""
    rng = random.Random(seed)
    blocks, values = [], []
    for c in range(companies):
        key, truth = f"company {c}", rng.choice(CITIES)
        for b in range(blocks_per_company):
            city = truth if rng.random() < 0.6 else rng.choice(CITIES[:3])
            host = rng.choice(HOSTS)
            # a snippet's length (~250 characters); some write the city without its state
            place = city if rng.random() < 0.7 else city.split(",")[0]
            text = (
                f"Company {c} is headquartered in {place}. Our team of {rng.randint(5, 500)} designers and "
                f"engineers delivers residential and commercial solar projects across the region, from site "
                f"survey to permit plan sets. https://{host}/{b}"
            )
            block_id = f"{c}-{b}"
            blocks.append((block_id, key, f"Company {c}", "hq_city_state", f"https://{host}/{b}", host, b + 1, text))
            if rng.random() < 0.3:
                values.append(
                    (
                        block_id,
                        key,
                        f"Company {c}",
                        "hq_city_state",
                        host,
                        f"https://{host}/{b}",
                        b + 1,
                        1,
                        False,
                        city,
                        f"headquartered in {city}",
                        host in HOSTS[:2],
                    )
                )
    block_frame = pd.DataFrame(
        blocks,
        columns=["snippet_block_id", "company_key", "company", "field", "url", "host", "block_rank", "block_text"],
    )
    block_frame["run_id"] = "20260101_000000"
    value_frame = pd.DataFrame(
        values,
        columns=[
            "snippet_block_id",
            "company_key",
            "company",
            "field",
            "host",
            "url",
            "block_rank",
            "pattern_order",
            "is_canonical",
            "value",
            "evidence_quote",
            "is_authoritative",
        ],
    )
    return block_frame, value_frame


def sql_connection(graph: AdhocGraph, blocks: pd.DataFrame, values: pd.DataFrame):
    """An in-memory warehouse holding the blocks and extracted values, with the models as views over them."""
    con = in_memory(graph)
    migrate(con)
    for schema in ("intermediate", "marts"):
        con.execute(f"create schema if not exists {schema}")
    con.register("blocks_frame", blocks)
    con.register("values_frame", values)
    con.execute("create table intermediate.int_snippets_deduplicated as select * from blocks_frame")
    con.execute("create table intermediate.int_enrichment_values_extracted as select * from values_frame")
    # no qualified postings: every decision is about a snippet candidate (no posting fallbacks)
    con.execute(
        "create table marts.lead_scores (company_key varchar, company varchar, qualified boolean,"
        " score integer, posting_url varchar, description varchar)"
    )
    create_views(con, graph)
    return con


def sql_run(con) -> int:
    """Recall and acceptance for every candidate, materialized (as the pipeline's tables are)."""
    con.execute("create or replace table decisions as select * from marts.enrichment_decisions")
    return con.execute("select count(*) filter (where accepted) from decisions").fetchall()[0][0]


# The least any SQL evidence search does here: lowercase every block once and test each candidate's evidence quote
# against each block of its company and field (pass 1 alone, no other pass, no aggregation, no rules).
FLOOR_SQL = """
select count(*)
from floor_candidates
inner join (select company_key, field, lower(block_text) as block_lower
            from intermediate.int_snippets_deduplicated) as blocks using (company_key, field)
where contains(blocks.block_lower, floor_candidates.quote_lower)
"""


def floor_query(con):
    """The quote pass alone over the same blocks (its candidates prepared untimed); returns the timed callable."""
    con.execute(
        "create or replace table floor_candidates as select company_key, field, value,"
        " lower(any_value(evidence_quote)) as quote_lower"
        " from intermediate.int_enrichment_values_extracted group by all"
    )
    return lambda: con.execute(FLOOR_SQL).fetchall()


def python_inputs(blocks: pd.DataFrame, values: pd.DataFrame) -> tuple[list[dict], dict, set[str]]:
    by_key: dict[tuple[str, str], list[str]] = {}
    for key, field, text in blocks[["company_key", "field", "block_text"]].itertuples(index=False):
        by_key.setdefault((key, field), []).append(text)
    grouped = values.groupby(["company_key", "field", "value"], as_index=False).agg(
        support=("snippet_block_id", "nunique"), evidence_quote=("evidence_quote", "first"), hosts=("host", list)
    )
    totals = values.groupby(["company_key", "field"])["snippet_block_id"].nunique()

    def agreement(r) -> float:
        return round(min(1.0, r.support / totals[(r.company_key, r.field)] * (0.6 + 0.1 * min(r.support, 4))), 3)

    candidates = [
        {
            "company_key": r.company_key,
            "field": r.field,
            "value": r.value,
            "evidence_quote": r.evidence_quote,
            "hosts": r.hosts,
            "model_conf": agreement(r),
        }
        for r in grouped.itertuples(index=False)
    ]
    return candidates, by_key, set(HOSTS[:2])


def run(workdir: Path, repeats: int = 3, rows: int = 10_000) -> dict:
    companies, per_company = rows, 80
    blocks, values = synthetic(companies, per_company)
    # both contenders start from their inputs in memory and time only the evidence search and the rules
    con = sql_connection(compiled_graph(load_config().dbt_vars(), MODELS), blocks, values)
    candidates, by_key, authority = python_inputs(blocks, values)
    medians = median_seconds(
        {
            "recall + acceptance (dbt + DuckDB)": lambda: sql_run(con),
            "pure Python evidence search": lambda: python_run(candidates, by_key, authority),
            "floor: SQL quote pass alone": floor_query(con),
        },
        repeats,
    )
    sql, python = medians["recall + acceptance (dbt + DuckDB)"], medians["pure Python evidence search"]
    return {
        "name": "enrich",
        "companies": companies,
        "snippets_per_company": per_company,
        "candidates": len(candidates),
        "repeats": repeats,
        "medians_s": medians,
        "speedup": python / sql,
        "speedup_bound_of_the_quote_pass_alone": python / medians["floor: SQL quote pass alone"],
        "accepted_sql": int(sql_run(con)),
        "accepted_python": int(python_run(candidates, by_key, authority)),
        "target": "<= 30 s and >= 10x the baseline",
    }
