"""`leads decide` end to end: real files in, the dbt macros over a scratch DuckDB, files out."""

from __future__ import annotations

import csv
import json

import pytest

from tests.conftest import PROJECT, decide_fixture_cases, run_leads

# The eight worked examples of docs/enrichment-evidence.md: computed_conf as docs/enrichment-evidence.md
# prints it (3 decimals) and outcome.
SEED_EXAMPLES = {
    "ex1": (0.77, True, None),
    "ex2": (0.68, False, "low_confidence(0.68<0.7)"),
    "ex3": (0.806, True, None),
    "ex4": (0.543, False, "low_confidence(0.543<0.7)"),
    "ex5": (0.8225, False, "verifier_rejected"),
    "ex6": (0.807, False, "regex_mismatch"),
    "ex7": (0.842, True, None),
    "ex8": (0.83, True, None),
}


@pytest.fixture(scope="module")
def decided(tmp_path_factory) -> dict[str, dict[str, str]]:
    out = tmp_path_factory.mktemp("decide") / "decisions.csv"
    result = decide_fixture_cases(out)
    assert result.returncode == 0, result.stderr
    assert "19 candidates" in result.stderr
    with out.open(newline="") as fh:
        return {row["candidate_id"]: row for row in csv.DictReader(fh)}


@pytest.mark.parametrize("candidate_id", sorted(SEED_EXAMPLES))
def test_seed_examples_have_the_seed_numbers_and_outcomes(decided, candidate_id):
    conf, accepted, reason = SEED_EXAMPLES[candidate_id]
    row = decided[candidate_id]
    assert round(float(row["computed_conf"]), 4 if candidate_id == "ex5" else 3) == conf
    assert row["accepted"] == str(accepted).lower()
    assert (row["reason"] or None) == reason


def test_output_has_every_decision_column(decided):
    columns = list(next(iter(decided.values())))
    assert columns == [
        "candidate_id",
        "field",
        "candidate",
        "model_conf",
        "source_hint",
        "recall_hits",
        "recall_used",
        "verdict",
        "target_regex",
        "base",
        "recall_factor",
        "computed_conf",
        "is_authoritative",
        "passes_verdict",
        "passes_confidence",
        "passes_regex",
        "allow_zero_recall",
        "accepted",
        "reason",
    ]


def test_threshold_is_exact_at_070(decided):
    assert float(decided["boundary_auth"]["computed_conf"]) == 0.7
    assert decided["boundary_auth"]["accepted"] == "true"
    assert float(decided["boundary_plain"]["computed_conf"]) == 0.7
    assert decided["boundary_plain"]["accepted"] == "true"  # verdict "yes " trimmed, case-insensitive
    assert decided["just_below"]["reason"] == "low_confidence(0.698<0.7)"


@pytest.mark.parametrize("candidate_id", ["spoof_suffix", "spoof_prefix", "spoof_gov_label", "spoof_gov_sub"])
def test_spoofed_domains_are_not_authoritative(decided, candidate_id):
    row = decided[candidate_id]
    assert row["is_authoritative"] == "false"
    assert float(row["base"]) == 0.6
    assert row["accepted"] == "false"


@pytest.mark.parametrize(
    ("candidate_id", "reason"),
    [
        ("bad_conf", "invalid_input(model_conf)"),
        ("conf_over_one", "invalid_input(model_conf)"),
        ("negative_hits", "invalid_input(recall_hits)"),
        ("used_over_hits", "invalid_input(recall_used)"),
    ],
)
def test_bad_rows_are_rejected_and_named_while_others_are_decided(decided, candidate_id, reason):
    assert decided[candidate_id]["accepted"] == "false"
    assert decided[candidate_id]["reason"] == reason


def test_events_follow_the_seed_log_format(decided, tmp_path_factory):
    events_file = next(tmp_path_factory.getbasetemp().glob("decide*/decisions.events.jsonl"))
    events = {e["candidate_id"]: e for e in map(json.loads, events_file.read_text().splitlines())}
    assert len(events) == 19
    assert events["ex1"] == {
        "event": "accept",
        "candidate_id": "ex1",
        "field": "rating_type",
        "value": "V, L, S",
        "confidence": 0.77,
        "recall_used": 0,
        "zero_recall_accepted": True,
    }
    assert events["ex2"] == {
        "event": "reject",
        "candidate_id": "ex2",
        "field": "director",
        "reason": "low_confidence(0.68<0.7)",
        "regex": ".+",
        "confidence": 0.68,
        "recall_used": 0,
        "model_conf": 0.95,
    }


def test_jsonl_in_jsonl_out_on_stdout(tmp_path):
    source = tmp_path / "in.jsonl"
    rows = [
        {
            "candidate_id": "a",
            "field": "f",
            "candidate": "1998",
            "model_conf": 0.85,
            "source_hint": "imdb.com",
            "recall_hits": 30,
            "recall_used": 5,
            "verdict": "YES",
            "target_regex": "\\d{4}",
        },
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run_leads("decide", "--input", str(source))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["accepted"] is True
    assert round(out[0]["computed_conf"], 3) == 0.807


def test_min_confidence_from_environment_changes_the_decision(tmp_path):
    out = tmp_path / "d.csv"
    result = decide_fixture_cases(out, env={"MIN_CONFIDENCE": "0.65"})
    assert result.returncode == 0, result.stderr
    rows = {r["candidate_id"]: r for r in csv.DictReader(out.open())}
    assert rows["ex2"]["accepted"] == "true"  # 0.68 >= 0.65, and model_conf 0.95 allows zero recall


def test_missing_column_exits_2_and_writes_nothing(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("candidate_id,field,candidate\nx,f,v\n")
    out = tmp_path / "out.csv"
    result = run_leads("decide", "--input", str(source), "--output", str(out))
    assert result.returncode == 2
    assert "missing required column(s) model_conf" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("absent.csv", None, "does not exist"),
        ("in.txt", "a,b\n", "unknown extension '.txt'"),
        ("broken.jsonl", '{"candidate_id": "x", \n', "cannot read"),
    ],
)
def test_unreadable_input_exits_2(tmp_path, name, content, message):
    source = tmp_path / name
    if content is not None:
        source.write_text(content)
    result = run_leads("decide", "--input", str(source), "--output", str(tmp_path / "out.csv"))
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("previous run\n")
    bad = tmp_path / "in.csv"
    bad.write_text("candidate_id\nx\n")
    assert run_leads("decide", "--input", str(bad), "--output", str(out)).returncode == 2
    assert out.read_text() == "previous run\n"


def test_demo_candidates_file_decides(tmp_path):
    out = tmp_path / "demo.csv"
    demo = PROJECT / "demo" / "candidates.csv"
    result = run_leads("decide", "--input", str(demo), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert sum(1 for _ in csv.DictReader(out.open())) == 10


# Many values per regex, so flexible_regex_checks matches them as lines of shared texts: each regex here can
# mislead a line-by-line match (spans lines, anchors to the text's start, a value holding a line break), and
# every answer must still be the per-value answer.
REGEX_TRAPS = {
    r"[^x]+": ([f"ab{n}" for n in range(150)] + ["a\nb"], ["x", "xx"]),
    r"\A\d+\z": ([str(n) for n in range(150)], ["a1", "1 2"]),
    r"\d{4}": ([str(1000 + n) for n in range(150)], ["ABC", "123", "12345"]),
    r"a\sb": (["a\nb", "A B"], ["ab"]),
}


def test_regex_checks_agree_with_a_per_value_match(tmp_path):
    source, out = tmp_path / "regex.jsonl", tmp_path / "regex_out.jsonl"
    expected, rows = {}, []
    for regex, (matching, other) in REGEX_TRAPS.items():
        for value, passes in [(v, True) for v in matching] + [(v, False) for v in other]:
            candidate_id = f"c{len(rows)}"
            expected[candidate_id] = passes
            rows.append(
                {
                    "candidate_id": candidate_id,
                    "field": "f",
                    "candidate": value,
                    "model_conf": 0.9,
                    "source_hint": "example.com",
                    "recall_hits": 1,
                    "recall_used": 1,
                    "verdict": "YES",
                    "target_regex": regex,
                }
            )
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run_leads("decide", "--input", str(source), "--output", str(out))
    assert result.returncode == 0, result.stderr
    got = {row["candidate_id"]: row["passes_regex"] for row in map(json.loads, out.read_text().splitlines())}
    assert got == expected
