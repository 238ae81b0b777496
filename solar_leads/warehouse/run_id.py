"""Run ids: the UTC start time as YYYYMMDD_HHMMSS, stamped on every raw row and output file of a run."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from solar_leads.errors import UserError

RUN_ID = re.compile(r"^\d{8}_\d{6}$")


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%d_%H%M%S")


def check_run_id(value: str) -> str:
    if not RUN_ID.match(value):
        raise UserError(f"run id {value!r} is not of the form YYYYMMDD_HHMMSS")
    return value
