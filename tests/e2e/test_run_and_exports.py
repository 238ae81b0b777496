"""`leads run` end to end against a board the test serves: crawl, dbt build, and the exported files."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_leads
from tests.scripted_server import Reply, ScriptedServer

JOBS = [
    ("1", '=HYPERLINK("http://evil")', "Solar Designer", "Design residential PV systems in Aurora Solar."),
    ("2", "Sunpeak Design Co", "Solar Designer", "Design residential PV systems in Aurora Solar; plan sets too."),
    ("3", "Sunpeak Design Co", "PV Drafter", "Draft residential solar systems."),
    ("4", "Helio Drafting", "+Solar Installer", "Mount racking and follow the plan set on solar roofs."),
    ("5", "Bakery", "Baker", "Bake bread."),
    ("6", "Helio Drafting", "Solar Marketing Coordinator", "Plan solar trade shows."),
    ("7", "Intel", "Solar Designer", "Design PV systems."),
]


def board() -> str:
    jobs = [
        {
            "id": int(i),
            "title": title,
            "company_name": company,
            "absolute_url": f"https://jobs.example/{i}",
            "location": {"name": "Austin, TX"},
            "content": description,
        }
        for i, company, title, description in JOBS
    ]
    return json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}})


def search_answer() -> str:
    """One SearxNG answer for every query: Sunpeak's facts from an authoritative registry, its own site, and a
    directory that disagrees about the founding year (and a placeholder-free phone)."""
    results = [
        {
            "url": "https://www.seia.org/members/sunpeak",
            "title": "Sunpeak Design Co | SEIA",
            "content": "Sunpeak Design Co. Website: sunpeakdesign.com. Headquarters: Austin, TX. Founded 2008.",
        },
        {
            "url": "https://www.sunpeakdesign.com/about",
            "title": "About Sunpeak",
            "content": "Sunpeak Design Co is a solar installer headquartered in Austin, TX. Founded in 2008.",
        },
        {
            "url": "https://solar-directory.example/sunpeak",
            "title": "Sunpeak reviews",
            "content": "Sunpeak Design Co, founded in 2011. Call (512) 555-0100.",
        },
    ] + [{"url": f"https://noise.example/{n}", "title": "noise", "content": "unrelated"} for n in range(20)]
    return json.dumps({"query": "q", "number_of_results": len(results), "results": results})


def run_pipeline(tmp: Path, extra_env: dict[str, str] | None = None):
    """`leads run` on the scripted board and search answers; (result, files by name, search requests, warehouse)."""
    routes = {
        "/robots.txt": [Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain")],
        "/v1/boards/acme/jobs": [Reply(body=board())],
        "/search": [Reply(body=search_answer())],
    }
    with ScriptedServer(routes) as server:
        sources = tmp / "sources.yml"
        sources.write_text(
            f"sources:\n  - {{type: greenhouse, board: acme, base_url: '{server.url}'}}\n"
            f"  - {{type: searxng, base_url: '{server.url}'}}\n"
        )
        env = {
            "MAX_EXPORT": "3",
            "LABELED_DIR": str(tmp / "labeled"),
            "MAX_QUERIES": "1",
            "PER_QUERY_RESULTS": "5",
            "MAX_SNIPPETS_TOTAL": "4",
            **(extra_env or {}),
        }
        result = run_leads(
            "run", "--sources", str(sources), "--warehouse", str(tmp / "w.duckdb"), "--out", str(tmp / "out"), env=env
        )
        searches = [path for path in server.requests if path == "/search"]
    assert result.returncode == 0, result.stderr[-3000:]
    files = {re.sub(r"_\d{8}_\d{6}", "", p.name): p for p in (tmp / "out").iterdir()}
    return result, files, searches, tmp / "w.duckdb"


@pytest.fixture(scope="module")
def pipeline_run(tmp_path_factory):
    return run_pipeline(tmp_path_factory.mktemp("run"))


def test_thresholds_belong_to_the_user(tmp_path):
    """LEAD_THRESHOLD and MIN_CONFIDENCE change what a run keeps, and every dbt test still passes at those values."""
    _, files, _, warehouse = run_pipeline(tmp_path, {"LEAD_THRESHOLD": "130", "MIN_CONFIDENCE": "0.8"})
    with files["solar_leads.csv"].open(encoding="utf-8", newline="") as fh:
        scores = [int(row["score"]) for row in csv.DictReader(fh)]
    assert scores and min(scores) >= 130
    with duckdb.connect(str(warehouse), read_only=True) as con:
        accepted = con.execute(
            "select min(computed_conf), count(*) from marts.enrichment_decisions where decision_kind = 'accept'"
        ).fetchall()[0]
        below = con.execute("select count(*) from marts.lead_scores where qualified and score < 130").fetchall()[0][0]
    assert below == 0 and (accepted[1] == 0 or accepted[0] >= 0.8)


def test_run_prints_the_filter_statistics(pipeline_run):
    result, *_ = pipeline_run
    assert re.search(r"7 postings processed, 3 qualified, 4 rejected \(pass rate 42.86%\)", result.stderr)
    assert "company_blocklist" in result.stderr and "greenhouse" in result.stderr


def test_leads_csv_columns_and_formula_cells_neutralized(pipeline_run):
    _, files, *_ = pipeline_run
    with files["solar_leads.csv"].open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {
        "company",
        "domain",
        "job_title",
        "location",
        "confidence_score",
        "posting_url",
        "linkedin_managers",
        "linkedin_hiring",
        "linkedin_role",
        "google_enduser",
        "date_scraped",
        "score",
    } <= set(rows[0])
    companies = {r["company"] for r in rows}
    assert companies == {'\'=HYPERLINK("http://evil")', "Sunpeak Design Co"}  # one row per company
    assert all(not r[c].startswith(("=", "+", "-", "@")) for r in rows for c in r)
    sunpeak = next(r for r in rows if r["company"] == "Sunpeak Design Co")
    assert sunpeak["job_title"] == "Solar Designer" and sunpeak["confidence_score"] == "100"


def test_rejected_leads_json_is_exactly_the_seed_schema(pipeline_run):
    _, files, *_ = pipeline_run
    document = json.loads(files["rejected_leads.json"].read_text())
    assert set(document) == {"metadata", "items"}
    assert set(document["metadata"]) == {"created", "purpose", "run_id", "count", "total_rejected", "notes"}
    assert document["metadata"]["purpose"] == "labeling_review"
    assert (document["metadata"]["count"], document["metadata"]["total_rejected"]) == (3, 4)  # MAX_EXPORT=3
    items = document["items"]
    assert all(set(i) == {"id", "description", "label", "company", "title", "notes"} for i in items)
    assert all(i["label"] is False and re.match(r"^Rejected: \S+ \(score: \d+\)$", i["notes"]) for i in items)
    scores = [int(re.search(r"score: (\d+)", i["notes"]).group(1)) for i in items]
    assert scores == sorted(scores, reverse=True)  # near-misses first
    assert items[0]["title"] == "Solar Designer" and items[0]["notes"].startswith("Rejected: company_blocklist")


def test_run_stats_and_label_studio_files(pipeline_run):
    _, files, *_ = pipeline_run
    stats = json.loads(files["run_stats.json"].read_text())
    assert (stats["processed"], stats["qualified"], stats["rejected"], stats["company_blocked"]) == (7, 3, 4, 1)
    assert {r["category"]: r["postings"] for r in stats["rejections_by_category"]} == {
        "company_blocklist": 1,
        "role.installation": 1,
        "no_solar_context": 1,
        "role.coordination": 1,
    }
    assert stats["postings_by_source"] == [{"source": "greenhouse", "postings": 7}]
    tasks = json.loads(files["label_studio_tasks.json"].read_text())
    assert len(tasks) == 3 and set(tasks[0]) == {"data", "predictions"} and "text" in tasks[0]["data"]


def test_bad_sources_file_stops_the_run_before_anything_is_written(tmp_path):
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - {type: lever}\n")
    result = run_leads(
        "run", "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out")
    )
    assert result.returncode == 2 and "missing site" in result.stderr
    assert not (tmp_path / "w.duckdb").exists() and not (tmp_path / "out").exists()


def test_searches_respect_max_queries_and_snippet_limits(pipeline_run):
    _, _, searches, warehouse = pipeline_run
    assert len(searches) == 2 * 6  # two lead companies x six fields x MAX_QUERIES=1
    with duckdb.connect(str(warehouse), read_only=True) as con:
        per_query = con.execute("select max(n) from (select count(*) n from raw.snippets group by query)").fetchall()
        per_field = con.execute(
            "select max(n) from"
            " (select count(*) n from intermediate.int_snippets_deduplicated group by company_key, field)"
        ).fetchall()
    assert per_query[0][0] == 5  # PER_QUERY_RESULTS
    assert per_field[0][0] == 4  # MAX_SNIPPETS_TOTAL


def test_leads_csv_carries_the_accepted_facts(pipeline_run):
    _, files, *_ = pipeline_run
    with files["solar_leads.csv"].open(encoding="utf-8", newline="") as fh:
        sunpeak = next(r for r in csv.DictReader(fh) if r["company"] == "Sunpeak Design Co")
    assert sunpeak["website_domain"] == "sunpeakdesign.com"
    assert sunpeak["website_domain_source"] == "https://www.seia.org/members/sunpeak"
    assert sunpeak["hq_city_state"] == "Austin, TX" and float(sunpeak["hq_city_state_confidence"]) >= 0.7
    assert sunpeak["founded_year"] == ""  # the directory disagrees: not enough agreement to accept


def test_decision_log_has_accept_and_reject_events_in_the_seed_format(pipeline_run):
    _, files, *_ = pipeline_run
    events = [json.loads(line) for line in files["decisions.jsonl"].read_text().splitlines()]
    kinds = {e["event"] for e in events}
    assert {"accept", "reject"} <= kinds
    accept = next(e for e in events if e["event"] == "accept" and e["field"] == "website_domain")
    assert set(accept) >= {"field", "value", "confidence", "recall_used", "zero_recall_accepted"}
    reject = next(e for e in events if e["event"] == "reject" and e["field"] == "founded_year")
    assert set(reject) >= {"field", "reason", "regex", "confidence", "recall_used", "model_conf"}
    assert reject["reason"].startswith("low_confidence(")


def test_label_studio_tasks_fit_the_shipped_config_and_their_exports_come_back(pipeline_run, tmp_path):
    """The tasks validate against label_studio/config.xml with label-studio-sdk's parser; each carries the rejection
    reason, score and signals; the prediction's score is the rules' confidence in "not a lead"; a Label Studio JSON
    export of the reviewed tasks comes back as labels keyed by the item id, unreviewed tasks left out."""
    from label_studio_sdk.label_interface import LabelInterface

    _, files, *_ = pipeline_run
    config = (Path(__file__).parents[2] / "label_studio" / "config.xml").read_text()
    interface = LabelInterface(config)
    tasks = json.loads(files["label_studio_tasks.json"].read_text())
    items = json.loads(files["rejected_leads.json"].read_text())["items"]
    assert [task["data"]["posting_id"] for task in tasks] == [item["id"] for item in items]
    for task in tasks:
        assert interface.validate_task({"data": task["data"]})
        [prediction] = task["predictions"]
        assert interface.validate_prediction(prediction, return_errors=True) == []
        data = task["data"]
        assert {"rejection_category", "score", "signals", "text", "title", "company"} <= set(data)
        assert prediction["score"] == round(1.0 - 0.5 * min(max(data["score"], 0), 50) / 50, 3)
    assert max(t["data"]["score"] for t in tasks) >= 50 and min(t["predictions"][0]["score"] for t in tasks) == 0.5

    reviewed = [
        {
            "id": n,
            "data": task["data"],
            "predictions": [900 + n],
            "annotations": []
            if n == 2
            else [
                {
                    "id": 500 + n,
                    "completed_by": 1,
                    "was_cancelled": False,
                    "ground_truth": False,
                    "lead_time": 3.5,
                    "created_at": "2026-11-20T10:00:00Z",
                    "updated_at": "2026-11-20T10:00:00Z",
                    "task": n,
                    "project": 1,
                    "result": [
                        {
                            "id": f"r{n}",
                            "from_name": "label",
                            "to_name": "text",
                            "type": "choices",
                            "origin": "manual",
                            "value": {"choices": ["lead" if n == 0 else "not a lead"]},
                        }
                    ],
                }
            ],
        }
        for n, task in enumerate(tasks)
    ]
    export = tmp_path / "project-1-at-2026-11-20.json"
    export.write_text(json.dumps(reviewed))
    labeled = tmp_path / "labeled"
    result = run_leads("review", "import", str(export), env={"LABELED_DIR": str(labeled)})
    assert result.returncode == 0 and "2 added" in result.stderr and "1 task(s) nobody labeled" in result.stderr
    store = json.loads((labeled / "reviewed_labels.json").read_text())["items"]
    assert {item["id"]: item["label"] for item in store} == {
        tasks[0]["data"]["posting_id"]: True,
        tasks[1]["data"]["posting_id"]: False,
    }
