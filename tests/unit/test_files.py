"""Files written as a set: all appear together or none does, with modes from the umask and no debris."""

from __future__ import annotations

import os
import stat

import pytest

from solar_leads.errors import UserError
from solar_leads.files import STAGING_PREFIX, atomic_path, check_writable_dir, file_set


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
