"""The leads as an Excel workbook: every text cell stored as text (a formula can never run, and no apostrophe
shows), the posting and search links clickable, the header row frozen, numbers and dates as themselves."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Font

LINK_COLUMNS = {"posting_url", "linkedin_managers", "linkedin_hiring", "linkedin_role", "google_enduser"}
MAX_LINK_LENGTH = 2079  # Excel refuses longer hyperlinks


def write_workbook(target: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "leads"
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    links = {index for index, name in enumerate(columns, start=1) if name in LINK_COLUMNS}
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters a workbook cannot hold
            cell = sheet.cell(row=row_number, column=column)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = TYPE_STRING  # text, even when it starts with "=": nothing to evaluate
                if column in links and value.startswith(("https://", "http://")) and len(value) <= MAX_LINK_LENGTH:
                    cell.hyperlink = value
                    cell.style = "Hyperlink"
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(60, max(12, len(name) + 2))
    book.save(target)
