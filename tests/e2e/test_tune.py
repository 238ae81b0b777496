"""`leads tune`: cross-validated weights and threshold from labeled data; the seed changes only with --apply."""

from __future__ import annotations

import json

from solar_leads.config import load_config
from solar_leads.rules.tune import TIERS_SEED, apply, current_weights, tune
from tests.conftest import run_leads


def labeled(tmp_path):
    """Reviewers say that Revit modelers on solar projects are not leads, though today's rules qualify them."""
    designers = [
        {
            "id": f"pos{n}",
            "title": "Solar Designer",
            "company": f"Sun {n}",
            "label": True,
            "description": f"Design residential PV systems in Aurora Solar for project {n}.",
        }
        for n in range(10)
    ]
    modelers = [
        {
            "id": f"neg{n}",
            "title": "Designer",
            "company": f"Build {n}",
            "label": False,
            "description": f"Revit models for commercial solar projects, job {n}.",
        }
        for n in range(10)
    ]
    path = tmp_path / "reviewed.json"
    path.write_text(json.dumps({"items": designers + modelers}))
    return path


def test_proposal_beats_the_current_rules_under_cross_validation(tmp_path):
    result = tune(load_config({"LABELED_DIR": str(tmp_path)}), folds=5, files=[labeled(tmp_path)])
    assert (result["current_cv"].tp, result["current_cv"].fp) == (10, 10)  # every modeler qualifies today
    assert result["proposal_cv"].f1 == 1.0 > result["current_cv"].f1
    proposal = result["proposal"]
    assert proposal != result["current"]
    target = tmp_path / "tiers.csv"
    target.write_text(TIERS_SEED.read_text())
    assert apply(proposal, target) is True and current_weights(target) == proposal.weights
    assert apply(proposal, target) is False  # applying the same proposal again changes nothing


def test_cli_prints_both_and_changes_nothing_without_apply(tmp_path):
    before = TIERS_SEED.read_bytes()
    result = run_leads("tune", "--golden", str(labeled(tmp_path)), "--folds", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "cross-validated f1" in result.stdout and "current" in result.stdout and "proposed" in result.stdout
    assert TIERS_SEED.read_bytes() == before


def test_too_few_labels_for_the_folds_is_a_clear_error(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps([{"id": "a", "description": "Solar Designer", "label": True}]))
    result = run_leads("tune", "--golden", str(path))
    assert result.returncode == 2 and "too few to cross-validate" in result.stderr
