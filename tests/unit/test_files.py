"""Files written as a set: all appear together or none does, with modes from the umask and no debris."""

from __future__ import annotations

import os
import stat

import duckdb
import pytest

from solar_leads.errors import UserError
from solar_leads.files import STAGING_PREFIX, atomic_path, check_writable_dir, file_set, read_with_fallback


def test_a_set_appears_whole(tmp_path):
    with file_set(tmp_path, ["a.csv", "b.json"]) as staged:
        for path in staged.values():
            path.write_text("x")
        assert not (tmp_path / "a.csv").exists()  # nothing visible before the block ends
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.json"]


def test_a_failure_inside_the_block_leaves_nothing(tmp_path):
    with pytest.raises(UserError, match="none of them was written"), file_set(tmp_path, ["a.csv", "b.json"]) as staged:
        staged["a.csv"].write_text("x")
        raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_debris_of_a_dead_writer_is_removed_and_a_live_ones_kept(tmp_path):
    (tmp_path / f"{STAGING_PREFIX}999999999").mkdir()
    (tmp_path / f"{STAGING_PREFIX}{os.getppid()}").mkdir()  # a live process's staging folder
    with file_set(tmp_path, ["a.csv"]) as staged:
        staged["a.csv"].write_text("x")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{STAGING_PREFIX}{os.getppid()}", "a.csv"]


def test_atomic_files_follow_the_umask(tmp_path):
    previous = os.umask(0o027)
    try:
        with atomic_path(tmp_path / "out.json") as tmp:
            tmp.write_text("{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o640


def test_an_output_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("")
    with pytest.raises(UserError, match="is a file, not a folder"):
        check_writable_dir(tmp_path / "out")


def test_a_folder_in_the_way_of_one_file_stops_the_whole_set(tmp_path):
    (tmp_path / "b.json").mkdir()
    with pytest.raises(UserError, match="b.json is a folder there"), file_set(tmp_path, ["a.csv", "b.json"]) as staged:
        for path in staged.values():
            path.write_text("x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]  # a.csv was not moved in either


def test_an_atomic_write_that_fails_is_bad_environment_and_leaves_the_target(tmp_path):
    (tmp_path / "out.json").mkdir()  # a folder in the way
    with pytest.raises(UserError, match="cannot write .*out.json"), atomic_path(tmp_path / "out.json") as tmp:
        tmp.write_text("{}")
    assert (tmp_path / "out.json").is_dir() and [p.name for p in tmp_path.iterdir()] == ["out.json"]


def _parallel_fails_then(rows_read: int):
    """An attempt whose parallel read stops the way DuckDB's does, and whose one-thread read returns rows_read."""
    calls = []

    def attempt(parallel: bool) -> int:
        calls.append(parallel)
        if parallel:
            raise duckdb.InvalidInputException("Invalid Input Error: CSV Error on Line: 7\nOriginal Line: x")
        return rows_read

    return attempt, calls


def test_a_csv_the_parallel_reader_cannot_split_is_read_in_one_thread(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,description\na,"two\nlines"\nb,one\n')
    attempt, calls = _parallel_fails_then(2)
    read_with_fallback(source, attempt)
    assert calls == [True, False]


@pytest.mark.parametrize(
    ("text", "rows_read", "message"),
    [
        # DuckDB's one-thread reader drops a last row whose quote never closes; Python's strict parser does not
        ('id,description\na,"fine"\nb,"cut short', 1, "unexpected end of data at line 3"),
        ('id,description\na,"fine"\nb,"also fine"\n', 1, "DuckDB read 1 rows of the 2 it holds"),
    ],
)
def test_the_one_thread_read_is_checked_against_the_files_records(tmp_path, text, rows_read, message):
    source = tmp_path / "in.csv"
    source.write_text(text)
    attempt, _ = _parallel_fails_then(rows_read)
    with pytest.raises(UserError, match=message):
        read_with_fallback(source, attempt)


def test_an_unterminated_quote_found_in_parallel_is_the_files_error(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,description\na,"cut short')
    calls = []

    def attempt(parallel: bool) -> int:
        calls.append(parallel)
        raise duckdb.InvalidInputException("CSV Error on Line: 2\n\nValue with unterminated quote found.")

    with pytest.raises(UserError, match=r"CSV Error on Line: 2 \(Value with unterminated quote found.\)"):
        read_with_fallback(source, attempt)
    assert calls == [True]  # never retried: the one-thread reader would drop the row
