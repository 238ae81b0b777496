"""`leads evaluate` on the golden set and on given files; the review loop feeding back into it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PROJECT, run_leads

GOLDEN = PROJECT / "data" / "golden" / "golden-test-set.json"


def evaluate(tmp_path: Path, *args: str, labeled_dir: Path | None = None) -> dict:
    env = {"LABELED_DIR": str(labeled_dir or tmp_path / "labeled"), "OUTPUT_DIR": str(tmp_path / "out")}
    result = run_leads("evaluate", "--json", *args, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def golden_items() -> list[dict]:
    return [item for path in sorted(GOLDEN.parent.glob("*.json")) for item in json.loads(path.read_text())["items"]]


def test_golden_set_is_real_first_and_covers_every_failure_class():
    items = golden_items()
    real = [i for i in items if not i.get("synthetic")]
    categories = {i["category"] for i in items}
    assert len({i["id"] for i in items}) == len(items)  # one label per id across the files
    assert len(real) >= len(items) - len(real)  # the real part is at least as large as the synthetic part
    assert sum(i["label"] for i in items) >= 50
    assert {"tier1", "tier3", "tier4", "tier5", "tier6"} <= {c.split("_")[0] for c in categories}
    assert {  # issue 14's failure classes, each with items
        "trap.technical_terms_outside_design",
        "trap.utility_engineering",
        "trap.structural_civil",
        "trap.passing_cad_mention",
        "trap.negation",
        "trap.blocked_company",
        "trap.plain_words_design",
        "trap.coordination_titles",
        "permitting_staff",
        "exclusions.tennis_stringing",
        "exclusions.aerospace",
        "exclusions.semiconductor",
        "no_solar_context",
        "background",
    } <= categories


def test_golden_set_f1_and_report_shape(tmp_path):
    report = evaluate(tmp_path)
    assert report["f1"] >= 0.95
    assert report["tp"] + report["fp"] + report["fn"] + report["tn"] == report["total"] == len(golden_items())
    by_origin = {o["key"]: o for o in report["by_origin"]}
    assert by_origin["real"]["total"] + by_origin["synthetic"]["total"] == report["total"]
    assert by_origin["real"]["fp"] == 0 and by_origin["synthetic"]["f1"] >= 0.95
    assert len(report["false_negatives"]) == report["fn"] and len(report["false_positives"]) == report["fp"]
    assert [s["threshold"] for s in report["sweep"]][:3] == [0, 5, 10] and report["sweep"][-1]["threshold"] == 150
    assert Path(report["plot"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_given_files_only_with_exact_numbers_and_missing_fields(tmp_path):
    items = [
        {"id": "a", "description": "Solar Designer: PV layouts in Aurora Solar", "label": True},
        {"id": "b", "description": "Bake bread for our cafe", "label": False, "title": "Baker"},
        {
            "id": "c",
            "description": "Plan sets for residential solar",
            "label": True,
            "company": "X",
            "title": "Drafter",
        },
        {"id": "d", "description": "Sell solar with Aurora Solar proposals", "label": True, "title": "Sales Rep"},
    ]
    golden = tmp_path / "mini.json"
    golden.write_text(json.dumps(items))
    report = evaluate(tmp_path, "--golden", str(golden), "--no-plot")
    assert (report["tp"], report["fp"], report["fn"], report["tn"]) == (2, 0, 1, 1)
    assert report["precision"] == 1.0 and report["recall"] == pytest.approx(2 / 3)
    assert report["f1"] == pytest.approx(0.8)
    assert [e["id"] for e in report["false_negatives"]] == ["d"]
    assert report["files"] == [str(golden)]


def test_threshold_option_moves_the_cut(tmp_path):
    at_50, at_100 = evaluate(tmp_path, "--no-plot"), evaluate(tmp_path, "--no-plot", "--threshold", "100")
    assert at_100["threshold"] == 100 and at_100["recall"] < at_50["recall"]


def reviewed_file(tmp_path: Path, labels: dict[str, bool], name: str = "reviewed.json") -> Path:
    golden = {i["id"]: i for i in json.loads(GOLDEN.read_text())["items"]}
    items = [
        {
            "id": key,
            "description": golden[key]["description"],
            "label": label,
            "company": golden[key]["company"],
            "title": golden[key]["title"],
            "notes": "Rejected: below_threshold (score: 30)",
        }
        for key, label in labels.items()
    ]
    path = tmp_path / name
    path.write_text(json.dumps({"metadata": {"purpose": "labeling_review", "run_id": "x"}, "items": items}))
    return path


def test_review_import_merges_idempotently_keeps_history_and_feeds_evaluate(tmp_path):
    labeled = tmp_path / "labeled"
    env = {"LABELED_DIR": str(labeled)}
    before = evaluate(tmp_path, "--no-plot", labeled_dir=labeled)
    # a reviewer decides a golden negative (tennis stringer, rejected) is a lead after all
    first = reviewed_file(tmp_path, {"s35-0": True})
    assert run_leads("review", "import", str(first), env=env).returncode == 0
    store = labeled / "reviewed_labels.json"
    snapshot = store.read_text()
    again = run_leads("review", "import", str(first), env=env)
    assert again.returncode == 0 and "0 added, 0 label(s) changed, 1 unchanged" in again.stderr
    assert store.read_text() == snapshot
    after = evaluate(tmp_path, "--no-plot", labeled_dir=labeled)
    assert after["fn"] == before["fn"] + 1 and after["tn"] == before["tn"] - 1

    flipped = reviewed_file(tmp_path, {"s35-0": False}, "flipped.json")
    assert "1 label(s) changed" in run_leads("review", "import", str(flipped), env=env).stderr
    item = json.loads(store.read_text())["items"][0]
    assert item["label"] is False and [h["label"] for h in item["history"]] == [True]
    assert item["category"] == "below_threshold"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["items"][1].update(label="yes"), "item 2 (id 's01-0'): field `label` must be true or false"),
        (lambda d: d["items"][0].pop("id"), "item 1: field `id` must be a non-empty string"),
        (lambda d: d["items"][1].update(id="s00-0"), "item 2 (id 's00-0'): field `id` repeats an earlier item"),
        (lambda d: d["items"][0].update(description=None), "field `description` must be a string"),
        (lambda d: d.pop("metadata"), "expected an object with `metadata` and `items`"),
    ],
)
def test_malformed_review_is_refused_and_changes_nothing(tmp_path, mutate, message):
    labeled = tmp_path / "labeled"
    env = {"LABELED_DIR": str(labeled)}
    assert run_leads("review", "import", str(reviewed_file(tmp_path, {"s00-0": True})), env=env).returncode == 0
    snapshot = (labeled / "reviewed_labels.json").read_text()
    path = reviewed_file(tmp_path, {"s00-0": False, "s01-0": True}, "bad.json")
    document = json.loads(path.read_text())
    mutate(document)
    path.write_text(json.dumps(document))
    result = run_leads("review", "import", str(path), env=env)
    assert result.returncode == 2 and message in result.stderr
    assert (labeled / "reviewed_labels.json").read_text() == snapshot


def test_json_output_stays_clean_when_dbt_compiles(tmp_path):
    """A threshold no other test uses forces a fresh dbt compile; its console output must not reach stdout."""
    env = {"LEAD_THRESHOLD": "47", "LABELED_DIR": str(tmp_path / "labeled"), "OUTPUT_DIR": str(tmp_path)}
    result = run_leads("evaluate", "--json", "--no-plot", env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["threshold"] == 47
