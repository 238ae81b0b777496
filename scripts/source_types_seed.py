"""Write dbt/seeds/source_types.csv from the source types (scrapy_project.source_types): each type's name and the
hosts its job URLs are on, so the SQL (the staging checks, the domain guess) knows every type without a list of its
own. A type without job hosts (a career page, the search API) has one row with none.

    python -m scripts.source_types_seed        # after adding a source type; tests/unit/test_source_types.py checks it
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from scrapy_project.source_types import source_types

SEED = Path(__file__).resolve().parent.parent / "dbt" / "seeds" / "source_types.csv"


def seed_text() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "job_host"])
    for name, kind in source_types().items():
        for host in kind.job_hosts or ("",):
            writer.writerow([name, host])
    return out.getvalue()


if __name__ == "__main__":
    SEED.write_text(seed_text(), encoding="utf-8")
    print(f"wrote {SEED}", file=sys.stderr)
