"""`leads boards import`: a tenant list into the registry, every row checked before anything is written."""

from __future__ import annotations

import duckdb
import pytest

from solar_leads.discovery.board_import import import_boards
from solar_leads.errors import UserError

GOOD = """ats,token,company
greenhouse,sunrun,Sunrun
workday,nextracker.wd5.External,Nextracker
GreenHouse,SunRun,Sunrun again
recruitee,zonnepanelen,
"""


def boards(warehouse) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select ats, token, company, found_by from raw.boards order by ats, token").fetchall()


def test_a_tenant_list_is_registered_once(tmp_path):
    tenants, warehouse = tmp_path / "solar.csv", tmp_path / "w.duckdb"
    tenants.write_text(GOOD)
    first = import_boards(warehouse, tenants)
    assert (first.read, first.added, first.known) == (4, 3, 1)  # one board twice in the file (case differs)
    assert boards(warehouse) == [
        ("greenhouse", "sunrun", "Sunrun", "import:solar.csv"),
        ("recruitee", "zonnepanelen", None, "import:solar.csv"),
        ("workday", "nextracker.wd5.External", "Nextracker", "import:solar.csv"),
    ]
    again = import_boards(warehouse, tenants)
    assert (again.added, again.known) == (0, 4) and len(boards(warehouse)) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("ats,token\nmonster,x\n", "line 2: unknown ats 'monster'"),
        ("ats,token\njobposting,x\n", "unknown ats 'jobposting'"),  # a career page is no board
        ("ats,token\nworkday,nextracker\n", "line 2: a workday token is tenant.wd.site, got 'nextracker'"),
        ("ats,token\ngreenhouse,sunrun\nlever,<script>\n", "line 3: '<script>' is not a lever board token"),
        ("board,company\nsunrun,Sunrun\n", "the header needs the columns ats, token"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(tmp_path, content, message):
    tenants, warehouse = tmp_path / "t.csv", tmp_path / "w.duckdb"
    tenants.write_text(content)
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_boards(warehouse, tenants)
    assert not warehouse.exists()


def test_a_file_that_is_not_utf8_text_is_refused(tmp_path):
    tenants = tmp_path / "t.csv"
    tenants.write_bytes(b"ats,token\ngreenhouse,\xff\xfe\n")
    with pytest.raises(UserError, match="is not UTF-8 text"):
        import_boards(tmp_path / "w.duckdb", tenants)


def test_the_shipped_known_boards_are_a_valid_tenant_list_of_every_crawlable_type():
    from solar_leads.discovery.board_import import KNOWN_BOARDS, known_boards

    boards = known_boards()
    assert len(boards) >= 40 and {b["found_by"] for b in boards} == {"import:solar_employers.csv"}
    assert {"workday", "greenhouse", "lever", "bamboohr", "breezy", "personio"} <= {b["ats"] for b in boards}
    assert "solarwinds" not in KNOWN_BOARDS.read_text()  # a namesake, not a solar employer
