"""`leads review import`: take reviewed labels into the labeled data, keyed by item (posting) id.

Three shapes are read: our rejected-leads labeling JSON (flip `label` to true), and Label Studio's JSON and
JSON_MIN exports of the tasks in label_studio_tasks_<run_id>.json (choice "lead" or "not a lead" in `label`). A Label
Studio task nobody annotated (or whose annotations were all skipped) is not a label and is left out.
"""

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
CHOICES = {"lead": True, "not a lead": False}  # label_studio/config.xml
CONTROL = "label"  # the Choices tag's name


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


def _choice(value: Any, where: str) -> bool:
    """A Label Studio choice ("lead" / "not a lead", or {"choices": [one]}) as our boolean label."""
    if isinstance(value, dict):
        value = value.get("choices")
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if value not in CHOICES:
        known = " or ".join(repr(c) for c in CHOICES)
        raise UserError(f"{where}: the `{CONTROL}` choice must be {known}, got {value!r}")
    return CHOICES[value]


def _task_label(task: dict[str, Any], where: str) -> bool | None:
    """The label of a Label Studio JSON task: its latest annotation that was not skipped (None: nobody labeled it)."""
    annotations = task.get("annotations") or []
    if not isinstance(annotations, list):
        raise UserError(f"{where}: `annotations` must be a list")
    done = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    for annotation in sorted(done, key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""), reverse=True):
        for region in annotation.get("result") or []:
            if isinstance(region, dict) and region.get("from_name") == CONTROL:
                return _choice(region.get("value"), where)
    return None


def _item(fields: dict[str, Any], label: bool, where: str) -> dict[str, Any]:
    posting_id = fields.get("posting_id")
    if not isinstance(posting_id, str) or not posting_id.strip():
        raise UserError(f"{where}: `posting_id` must be the item id from label_studio_tasks_<run_id>.json")
    if not isinstance(fields.get("text"), str):
        raise UserError(f"{where} (posting_id {posting_id!r}): `text` must be the posting's description")
    score = fields.get("score")
    return {
        "id": posting_id,
        "description": fields["text"],
        "label": label,
        "company": fields.get("company") or None,
        "title": fields.get("title") or None,
        "category": fields.get("rejection_category"),
        "notes": f"Rejected: {fields.get('rejection_category')} (score: {score}); reviewed in Label Studio",
    }


def read_label_studio(tasks: list[Any], path: Path) -> tuple[list[dict[str, Any]], int]:
    """Items of a Label Studio JSON or JSON_MIN export, and how many tasks were left unreviewed."""
    items, unreviewed = [], 0
    for position, task in enumerate(tasks, start=1):
        where = f"{path}: task {position}"
        if not isinstance(task, dict):
            raise UserError(f"{where} is not an object")
        if "data" in task:  # JSON: {id, data, annotations: [{result: [...], was_cancelled}], predictions}
            if not isinstance(task["data"], dict):
                raise UserError(f"{where}: `data` must be an object")
            label, fields = _task_label(task, where), task["data"]
        else:  # JSON_MIN: the data's fields and the choice under the control's name, one object per task
            label = _choice(task[CONTROL], where) if task.get(CONTROL) is not None else None
            fields = task
        if label is None:
            unreviewed += 1
            continue
        items.append(_item(fields, label, where))
    ids = [item["id"] for item in items]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise UserError(f"{path}: posting_id {repeated[0]!r} is labeled more than once")
    return items, unreviewed


def read_review(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The labeled items of a review file of any of the three shapes, and the count of unreviewed tasks."""
    document = read_json_file(path, "review file")
    if isinstance(document, list):
        return read_label_studio(document, path)
    return validate(document, path), 0


def _category(item: dict[str, Any]) -> str | None:
    match = REJECTED_NOTE.match(item.get("notes") or "")
    return item.get("category") or (match.group(1) if match else None)


def import_review(path: Path, labeled_dir: Path) -> dict[str, int]:
    """Merge a review file into labeled_dir/reviewed_labels.json; return counts of added / changed / unchanged /
    unreviewed. Nothing is written when the file is invalid or changes nothing; a changed label keeps the old one
    in history."""
    items, unreviewed = read_review(path)
    store_path = labeled_dir / STORE_NAME
    store = json.loads(store_path.read_text(encoding="utf-8")) if store_path.exists() else {"metadata": {}, "items": []}
    by_id = {item["id"]: item for item in store["items"]}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    counts = {"added": 0, "changed": 0, "unchanged": 0, "unreviewed": unreviewed}
    for item in items:
        current = by_id.get(item["id"])
        if current is None:
            by_id[item["id"]] = {
                "id": item["id"],
                "description": item["description"],
                "label": item["label"],
                "company": item.get("company"),
                "title": item.get("title"),
                "category": _category(item),
                "notes": item.get("notes"),
                "history": [],
            }
            counts["added"] += 1
        elif current["label"] != item["label"]:
            current["history"].append({"label": current["label"], "replaced_at": now, "source": str(path)})
            current["label"] = item["label"]
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    if counts["added"] or counts["changed"]:
        store["metadata"] = {
            "purpose": "reviewed_labels",
            "updated": now,
            "count": len(by_id),
            "notes": "Labels imported with `leads review import`; history keeps every replaced label.",
        }
        store["items"] = sorted(by_id.values(), key=lambda i: i["id"])
        with atomic_path(store_path) as tmp:
            tmp.write_text(json.dumps(store, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return counts
