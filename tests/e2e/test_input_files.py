"""Postings and candidates files as users write them (issue #13): DuckDB reads a CSV in parallel, and where its
parallel reader cannot split a valid file (line breaks inside quoted fields) it is read again in one thread with
every row; a file that is broken deep inside is bad input (exit 2, one line, no output), never "unexpected"."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import run_leads
from tests.fault_helpers import one_line_error

# Lines of a description that look like a row of four fields: a thread that starts inside the quoted field takes
# one for a row start. 60,000 postings (~15 MB) span enough of DuckDB's buffers for that to happen.
TOOL_LINE = "Tools: AutoCAD, PVsyst, Helioscope, Aurora"


def write_postings(path: Path, rows: int = 60_000) -> None:
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")  # pandas' and DuckDB's own line ending
        writer.writerow(["id", "title", "company", "description"])
        for n in range(rows):
            solar = n % 500 == 3
            title = "Solar PV Designer" if solar else f"Office Manager {n}"
            body = "PV system design in AutoCAD and Aurora.\n" if solar else "Keep the office running.\n"
            writer.writerow([f"p{n}", title, f"Co {n % 97}", "About us\n" + body + f"{TOOL_LINE}\n" * (2 + n % 7)])


@pytest.fixture(scope="module")
def postings(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("input") / "postings.csv"
    write_postings(path)
    return path


def test_multiline_csv_is_scored_in_full_and_in_order(postings, tmp_path):
    out = tmp_path / "scores.jsonl"
    result = run_leads("score", "--input", str(postings), "--output", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == [f"p{n}" for n in range(60_000)]
    assert [r["id"] for r in rows if r["qualified"]] == [f"p{n}" for n in range(3, 60_000, 500)]


def test_csv_cut_inside_a_quoted_field_is_bad_input(postings, tmp_path):
    """A file cut short (a copy or download that stopped) ends inside a quoted description: DuckDB's one-thread
    reader would drop that last row without a word; the row count check refuses the file."""
    cut = tmp_path / "cut.csv"
    data = postings.read_bytes()
    cut.write_bytes(data[: data.rindex(TOOL_LINE.encode()) + 10])
    out = tmp_path / "scores.jsonl"
    result = run_leads("score", "--input", str(cut), "--output", str(out))
    assert result.returncode == 2, result.stderr[-2000:]
    error = one_line_error(result)
    assert str(cut) in error and ("unterminated quote" in error or "unexpected end of data" in error)
    assert not out.exists()


@pytest.mark.parametrize(
    ("suffix", "bad_line", "message"),
    [
        (".csv", "x,Solar Designer,Acme,too,many,fields\n", "Expected Number of Columns"),
        (".jsonl", "{not json\n", "Malformed JSON"),
    ],
)
def test_a_bad_row_deep_in_a_file_is_bad_input(tmp_path, suffix, bad_line, message):
    """The file is read while it is scored, so an error past the first rows surfaces mid-query: still exit 2."""
    source = tmp_path / f"in{suffix}"
    with source.open("w") as fh:
        if suffix == ".csv":
            fh.write("id,title,company,description\n")
            fh.writelines(f"p{n},Baker,Co,Bake bread\n" for n in range(50_000))
        else:
            fh.writelines(
                json.dumps({"id": f"p{n}", "company": "Co", "description": "Bake"}) + "\n" for n in range(50_000)
            )
        fh.write(bad_line)
    out = tmp_path / "scores.jsonl"
    result = run_leads("score", "--input", str(source), "--output", str(out))
    assert result.returncode == 2, result.stderr[-2000:]
    assert message in one_line_error(result) and "line" in one_line_error(result).lower()
    assert not out.exists()


def test_too_little_memory_says_which_setting_to_raise(postings, tmp_path):
    """DuckDB's own advice names SET statements a user cannot reach: the last line names LEADS_MEMORY_LIMIT, the
    score call exits 2 (its environment) with nothing written, a build exits 1 (nothing exported)."""
    out = tmp_path / "scores.jsonl"
    result = run_leads("score", "--input", str(postings), "--output", str(out), env={"LEADS_MEMORY_LIMIT": "5MB"})
    assert result.returncode == 2 and "set LEADS_MEMORY_LIMIT higher" in one_line_error(result)
    assert not out.exists()
    build = run_leads("build", "--quiet", "--warehouse", str(tmp_path / "w.duckdb"), env={"LEADS_MEMORY_LIMIT": "5MB"})
    assert build.returncode == 1 and "set LEADS_MEMORY_LIMIT higher" in build.stderr.strip().splitlines()[-1]
