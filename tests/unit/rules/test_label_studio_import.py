"""Label Studio's own exports (JSON and JSON_MIN, fixtures in the shapes its docs and exports show) become labels
keyed by the posting's item id; a task nobody labeled, or whose only annotation was skipped, is not a label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from solar_leads.errors import UserError
from solar_leads.rules.review import STORE_NAME, import_review

FIXTURES = Path(__file__).parents[2] / "fixtures" / "label_studio"


def stored(labeled: Path) -> dict[str, bool]:
    items = json.loads((labeled / STORE_NAME).read_text())["items"]
    return {item["id"]: item["label"] for item in items}


def test_json_export_takes_the_latest_annotation_and_leaves_unreviewed_tasks_out(tmp_path):
    counts = import_review(FIXTURES / "export_json.json", tmp_path)
    assert counts == {"added": 2, "changed": 0, "unchanged": 0, "unreviewed": 2}
    assert stored(tmp_path) == {
        "rejected_3f2a9c81d0e4_HelioDrafting": True,  # "lead": a missed lead
        "rejected_9b1c0e7a22f1_Bakery": False,  # two annotations: the later one counts
    }


def test_json_min_export_gives_the_same_labels(tmp_path):
    counts = import_review(FIXTURES / "export_json_min.json", tmp_path)
    assert counts == {"added": 2, "changed": 0, "unchanged": 0, "unreviewed": 1}
    assert stored(tmp_path) == {"rejected_3f2a9c81d0e4_HelioDrafting": True, "rejected_9b1c0e7a22f1_Bakery": False}
    item = json.loads((tmp_path / STORE_NAME).read_text())["items"][0]
    assert item["category"] == "below_threshold" and item["description"].startswith("Draft PV permit plan sets")


def test_both_exports_of_one_review_agree_so_the_second_import_changes_nothing(tmp_path):
    import_review(FIXTURES / "export_json.json", tmp_path)
    assert import_review(FIXTURES / "export_json_min.json", tmp_path)["unchanged"] == 2


@pytest.mark.parametrize(
    ("task", "message"),
    [
        ({"posting_id": "x", "text": "t", "label": "maybe"}, "choice must be 'lead' or 'not a lead'"),
        ({"text": "t", "label": "lead"}, "`posting_id` must be the item id"),
        ({"data": [], "annotations": []}, "`data` must be an object"),
    ],
)
def test_a_malformed_export_is_refused_naming_the_task(tmp_path, task, message):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task]))
    with pytest.raises(UserError, match=message) as refused:
        import_review(export, tmp_path / "labeled")
    assert "task 1" in str(refused.value) and not (tmp_path / "labeled").exists()
