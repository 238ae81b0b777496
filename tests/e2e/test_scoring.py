"""The scoring rules of docs/lead-scoring.md, run through `leads score` (the dbt macros over the rule seeds)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, run_leads

CASES = [json.loads(line) for line in (FIXTURES / "scoring_cases.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("score") / "scores.jsonl"
    result = run_leads("score", "--input", str(FIXTURES / "scoring_cases.jsonl"), "--output", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    return {row["id"]: row for row in map(json.loads, out.read_text().splitlines())}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rule(scored, case):
    row = scored[case["id"]]
    outcome = "qualified" if row["qualified"] else row["rejection_category"]
    assert outcome == case["expect"], row


def test_qualified_exactly_at_threshold_and_confidence_is_capped(scored):
    assert scored["exactly_50"]["score"] == 50 and scored["exactly_50"]["confidence_score"] == 50
    capped = scored["tools_lift_text_exclusion"]
    assert capped["score"] >= 90 and capped["confidence_score"] == min(capped["score"], 100)
    assert scored["installer"]["confidence_score"] is None


def test_reasons_name_the_role_then_each_signal_with_tier_weight_and_match(scored):
    reasons = scored["designer_with_installer_words"]["reasons"]
    assert reasons[0]["tier"] == "role" and reasons[0]["signal"] == "role: design (from the title)"
    assert {"tier": "tier4_solar_design_title", "weight": 60, "matched": "solar designer"}.items() <= reasons[1].items()
    assert sum(r["weight"] for r in reasons) == scored["designer_with_installer_words"]["score"]
    installer = scored["installer"]
    assert installer["reasons"] == [
        {"signal": "role: installation (from the title)", "tier": "role", "weight": 0, "matched": "installer"}
    ]
    assert installer["score"] == 0  # plan set words count for nothing outside a design role


def test_threshold_comes_from_the_environment(tmp_path):
    out = tmp_path / "s.jsonl"
    result = run_leads(
        "score", "--input", str(FIXTURES / "scoring_cases.jsonl"), "--output", str(out), env={"LEAD_THRESHOLD": "60"}
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["exactly_50"]["rejection_category"] == "below_threshold"
    assert rows["exactly_50"]["score"] == 50 and rows["exactly_50"]["role_class"] == "design"


def test_csv_input_without_title_column(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('company,description\n"Helio","Solar Designer: PV layouts for homeowners"\nAcme,"Bake bread"\n')
    result = run_leads("score", "--input", str(source))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["qualified"]) for r in rows] == [("row_1", True), ("row_2", False)]


def test_output_keeps_input_order_and_numbers_rows_without_id(tmp_path):
    """The file is scanned in parallel and its rows numbered after scoring: over many row groups, the output is still
    in input order and a row without an id is named by its line."""
    rows = 300_000
    source = tmp_path / "in.csv"
    with source.open("w") as fh:
        fh.write("id,title,company,description\n")
        for n in range(1, rows + 1):
            solar = n % 1000 == 7
            fh.write(
                f"{'' if n % 3 == 0 else f'x{n}'},{'Solar PV Designer' if solar else 'Baker'},Co {n},"
                f"{'PV system design in AutoCAD and Aurora' if solar else 'Bake bread'}\n"
            )
    out = tmp_path / "out.jsonl"
    result = run_leads("score", "--input", str(source), "--output", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    lines = out.read_text().splitlines()
    assert len(lines) == rows
    expected = [f"row_{n}" if n % 3 == 0 else f"x{n}" for n in range(1, rows + 1)]
    assert [json.loads(line)["id"] for line in lines] == expected
    assert [n for n, line in enumerate(lines, 1) if '"qualified":true' in line] == list(range(7, rows, 1000))


def test_missing_description_column_exits_2(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("title,company\nSolar Designer,Helio\n")
    result = run_leads("score", "--input", str(source), "--output", str(tmp_path / "o.jsonl"))
    assert result.returncode == 2 and "missing required column(s) description" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()
