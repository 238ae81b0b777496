"""`--set NAME=VALUE` on `leads run` / `leads crawl`: a Scrapy setting for this crawl, checked before anything runs.

The name must be one of Scrapy's settings or the project's (scrapy_project/settings.py), and not one `leads` sets
itself for the run (the warehouse, the run id); the value must read as the setting's type (a number, true/false,
JSON for a dict or list) and a number must be finite and not negative. A bad one is exit 2 naming it.
"""

from __future__ import annotations

import difflib
import json
import math
from typing import Any

from solar_leads.errors import UserError

OURS_ALONE = {"LEADS_WAREHOUSE", "LEADS_RUN_ID", "LEADS_PER_QUERY_RESULTS"}  # set by `leads` for the run
TRUE, FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


def known_settings() -> dict[str, Any]:
    """Every setting a crawl may be given, with its default (the project's default over Scrapy's)."""
    from scrapy.settings import default_settings

    from scrapy_project import settings as project

    names = {**vars(default_settings), **vars(project)}
    return {name: value for name, value in names.items() if name.isupper() and name not in OURS_ALONE}


def crawl_overrides(values: list[str]) -> dict[str, Any]:
    """NAME=VALUE pairs as typed settings; UserError naming the first that is not a setting or not its type."""
    known = known_settings()
    overrides: dict[str, Any] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise UserError(f"--set expects NAME=VALUE, got {value!r}")
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise UserError(f"--set {name}: not a Scrapy or solar-leads setting{hint}")
        overrides[name] = _typed(name, text, known[name])
    return overrides


def _typed(name: str, text: str, default: Any) -> Any:
    where = f"--set {name}={text}"
    if isinstance(default, bool):
        if text.lower() not in TRUE | FALSE:
            raise UserError(f"{where}: expected true or false")
        return text.lower() in TRUE
    if isinstance(default, int | float):
        try:
            number: float = int(text) if text.strip().lstrip("+-").isdigit() else float(text)
        except ValueError:
            raise UserError(f"{where}: expected a number") from None
        if not math.isfinite(number) or number < 0:
            raise UserError(f"{where}: expected a finite number, not negative")
        return number
    if isinstance(default, dict | list):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if not isinstance(parsed, type(default)):
            raise UserError(f"{where}: expected a JSON {type(default).__name__}")
        return parsed
    return text
