"""Labeled items: the golden set (data/golden/) and reviewed labels (data/labeled/), in the schema of
docs/lead-scoring.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from solar_leads.config import GOLDEN_DIR
from solar_leads.errors import UserError
from solar_leads.files import read_json_file

ITEM_COLUMNS = ("item_id", "title", "company", "description", "label", "category", "synthetic")


def default_files(labeled_dir: Path) -> list[Path]:
    """The golden set(s), then every file of imported labels (so a review overrides the golden label)."""
    return sorted(GOLDEN_DIR.glob("*.json")) + sorted(labeled_dir.glob("*.json"))


def read_items(path: Path, require_label: bool = True) -> list[dict[str, Any]]:
    """Items of a labeled file ({"metadata", "items"} or a bare list): id, description and (when required) a
    boolean label each. Raises UserError naming the file, the item and the field."""
    document = read_json_file(path, "labeled file")
    items = document.get("items") if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise UserError(f"{path}: expected {{'items': [...]}} or a list of items")
    rows = []
    for position, item in enumerate(items, start=1):
        where = f"{path}: item {position}"
        if not isinstance(item, dict):
            raise UserError(f"{where} is not an object")
        if (require_label or "label" in item) and not isinstance(item.get("label"), bool):
            raise UserError(f"{where} (id {item.get('id')!r}): label must be true or false")
        if not isinstance(item.get("description"), str):
            raise UserError(f"{where} (id {item.get('id')!r}): description must be text")
        rows.append(
            {
                "item_id": str(item.get("id") or f"{path.stem}_{position}"),
                "title": item.get("title"),
                "company": item.get("company"),
                "description": item["description"],
                "label": item.get("label"),
                "category": item.get("category"),
                "synthetic": item.get("synthetic") is True,
            }
        )
    return rows


def items_frame(files: list[Path]) -> pd.DataFrame:
    """Every item of `files`; a later file's item replaces an earlier one with the same id (reviews win)."""
    by_id: dict[str, dict[str, Any]] = {}
    for path in files:
        for row in read_items(path):
            by_id[row["item_id"]] = {**row, "source_file": str(path)}
    return pd.DataFrame(list(by_id.values()), columns=[*ITEM_COLUMNS, "source_file"])


def load_labeled_items(con: duckdb.DuckDBPyConnection, files: list[Path]) -> int:
    """Fill labels.items (the ad-hoc `labels` source) with every item of `files`."""
    frame = items_frame(files)
    con.register("labeled_frame", frame)
    try:
        con.execute("insert into labels.items by name select * from labeled_frame")
    finally:
        con.unregister("labeled_frame")
    return len(frame)
