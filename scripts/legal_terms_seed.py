"""Write dbt/seeds/company_legal_terms.csv from cleanco's legal-entity terms (cleanco, MIT license,
https://github.com/psolin/cleanco), normalized as the company_key macro normalizes names: lowercased, accents
stripped, every run of characters that is not a letter or digit made one space.

    python -m scripts.legal_terms_seed        # after upgrading cleanco; tests/unit/test_legal_terms.py checks it
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

from cleanco.termdata import terms_by_type

SEED = Path(__file__).resolve().parent.parent / "dbt" / "seeds" / "company_legal_terms.csv"


def normalize(term: str) -> str:
    """The macro's normalization in Python: strip_accents(lower(x)), then [^letters digits]+ -> ' '."""
    decomposed = unicodedata.normalize("NFKD", term.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", stripped).strip()


def terms() -> list[str]:
    """cleanco's terms, normalized; single letters are left out (a trailing initial is part of a name)."""
    found = {normalize(term) for values in terms_by_type.values() for term in values}
    return sorted(term for term in found if len(term.replace(" ", "")) > 1 and term.isascii())


def main() -> int:
    with SEED.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["term"])
        writer.writerows([term] for term in terms())
    print(f"wrote {SEED} ({len(terms())} terms)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
