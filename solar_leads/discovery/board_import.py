"""`leads boards import FILE`: a tenant list (CSV: ats, token, company) into the job-board registry (raw.boards).

Every row is checked before anything is written: a known source type that crawls boards, a token of the form its
boards have (Workday's tenant.wdN.site), and a file that is UTF-8 CSV with those columns. Boards already in the
registry (a token differing only in case is the same board) are left as they are; the others are registered with
found_by `import:<file name>` and are crawled by every later run whose sources.yml has a `discover:` section.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from scrapy_project.source_types import source_types
from solar_leads.config import PROJECT_DIR
from solar_leads.discovery.registry import register
from solar_leads.errors import UserError
from solar_leads.warehouse.connection import connect
from solar_leads.warehouse.run_id import registered_run

KNOWN_BOARDS = PROJECT_DIR / "data" / "boards" / "solar_employers.csv"  # see data/boards/README.md
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%-]{0,199}")
MAX_ROWS = 1_000_000


@dataclass(frozen=True)
class ImportedBoards:
    read: int
    added: int

    @property
    def known(self) -> int:
        return self.read - self.added


def read_tenants(path: Path) -> list[dict[str, str | None]]:
    """The file's boards, checked row by row; UserError naming the first bad row (by line) and what is wrong."""
    crawlable = {name: kind for name, kind in source_types().items() if kind.board_hosts}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"ats", "token"} - set(reader.fieldnames or [])
            if missing:
                raise UserError(f"{path}: the header needs the columns ats, token (and optionally company)")
            boards = []
            for row in reader:
                boards.append(_board(row, crawlable, f"{path}, line {reader.line_num}"))
                if len(boards) > MAX_ROWS:
                    raise UserError(f"{path}: more than {MAX_ROWS:,} boards; split the file")
    except FileNotFoundError:
        raise UserError(f"tenant list {path} does not exist") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text") from None
    except csv.Error as exc:
        raise UserError(f"{path} is not readable CSV: {exc}") from None
    return boards


def _board(row: dict, crawlable: dict, where: str) -> dict[str, str | None]:
    ats = (row.get("ats") or "").strip().lower()
    token = (row.get("token") or "").strip()
    if ats not in crawlable:
        raise UserError(f"{where}: unknown ats {ats!r} (known: {', '.join(crawlable)})")
    if not _TOKEN.fullmatch(token):
        raise UserError(f"{where}: {token!r} is not a {ats} board token")
    kind = crawlable[ats]
    parts = token.split(".", len(kind.also_required))
    if len(parts) != 1 + len(kind.also_required) or not all(parts):
        form = ".".join((kind.key, *kind.also_required))
        raise UserError(f"{where}: a {ats} token is {form}, got {token!r}")
    company = (row.get("company") or "").strip() or None
    return {"ats": ats, "token": token, "company": company}


def as_found(boards: list[dict[str, str | None]], path: Path) -> list[dict[str, str | None]]:
    """The boards as the registry records boards found, by import of `path`."""
    return [{**board, "found_by": f"import:{path.name}", "found_detail": str(path)} for board in boards]


def known_boards() -> list[dict[str, str | None]]:
    """The shipped boards of known solar employers (`discover: {known_boards: true}`)."""
    return as_found(read_tenants(KNOWN_BOARDS), KNOWN_BOARDS)


def import_boards(warehouse: Path, path: Path) -> ImportedBoards:
    """Register the file's boards (all checked first); returns how many it read and how many were new."""
    boards = read_tenants(path)
    found = as_found(boards, path)
    with registered_run(warehouse, "boards import", path, False) as record:
        with connect(warehouse) as con:
            con.execute("begin transaction")
            added = register(con, record.run_id, found)
            con.execute("commit")
        record.status = "ok"
    return ImportedBoards(read=len(boards), added=len(added))
