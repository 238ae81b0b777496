"""`leads review import`: take a reviewed rejected-leads JSON into the labeled data, keyed by item id."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from solar_leads.errors import UserError
from solar_leads.files import atomic_path, read_json_file

STORE_NAME = "reviewed_labels.json"
REJECTED_NOTE = re.compile(r"^Rejected: (\S+)")
OPTIONAL_TEXT = ("company", "title", "notes", "category")


def validate(document: Any, path: Path) -> list[dict[str, Any]]:
    """The items of a reviewed file, or UserError naming the item (position and id) and the field."""
    if not isinstance(document, dict) or not isinstance(document.get("metadata"), dict):
        raise UserError(f"{path}: expected an object with `metadata` and `items` (the rejected-leads schema)")
    items = document.get("items")
    if not isinstance(items, list):
        raise UserError(f"{path}: `items` must be a list")
    seen: set[str] = set()
    for position, item in enumerate(items, start=1):
        where = f"{path}: item {position}"
        if not isinstance(item, dict):
            raise UserError(f"{where} is not an object")
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            raise UserError(f"{where}: field `id` must be a non-empty string")
        where = f"{where} (id {item_id!r})"
        if item_id in seen:
            raise UserError(f"{where}: field `id` repeats an earlier item")
        seen.add(item_id)
        if not isinstance(item.get("label"), bool):
            raise UserError(f"{where}: field `label` must be true or false, got {item.get('label')!r}")
        if not isinstance(item.get("description"), str):
            raise UserError(f"{where}: field `description` must be a string")
        for field in OPTIONAL_TEXT:
            if item.get(field) is not None and not isinstance(item[field], str):
                raise UserError(f"{where}: field `{field}` must be a string or null")
    return items


def _category(item: dict[str, Any]) -> str | None:
    match = REJECTED_NOTE.match(item.get("notes") or "")
    return item.get("category") or (match.group(1) if match else None)


def import_review(path: Path, labeled_dir: Path) -> dict[str, int]:
    """Merge a reviewed file into labeled_dir/reviewed_labels.json; return counts of added / changed / unchanged.

    Nothing is written when the file is invalid or changes nothing; a changed label keeps the old one in history."""
    document = read_json_file(path, "review file")
    items = validate(document, path)
    store_path = labeled_dir / STORE_NAME
    store = json.loads(store_path.read_text(encoding="utf-8")) if store_path.exists() else {"metadata": {}, "items": []}
    by_id = {item["id"]: item for item in store["items"]}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    counts = {"added": 0, "changed": 0, "unchanged": 0}
    for item in items:
        current = by_id.get(item["id"])
        if current is None:
            by_id[item["id"]] = {
                "id": item["id"], "description": item["description"], "label": item["label"],
                "company": item.get("company"), "title": item.get("title"), "category": _category(item),
                "notes": item.get("notes"), "history": [],
            }  # fmt: skip
            counts["added"] += 1
        elif current["label"] != item["label"]:
            current["history"].append({"label": current["label"], "replaced_at": now, "source": str(path)})
            current["label"] = item["label"]
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    if counts["added"] or counts["changed"]:
        store["metadata"] = {
            "purpose": "reviewed_labels", "updated": now, "count": len(by_id),
            "notes": "Labels imported with `leads review import`; history keeps every replaced label.",
        }  # fmt: skip
        store["items"] = sorted(by_id.values(), key=lambda i: i["id"])
        with atomic_path(store_path) as tmp:
            tmp.write_text(json.dumps(store, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return counts
