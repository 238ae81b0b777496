"""The company_legal_terms seed is cleanco's list, normalized as company_key normalizes names: regenerate it with
`python -m scripts.legal_terms_seed` when cleanco changes."""

from __future__ import annotations

import csv

from scripts.legal_terms_seed import SEED, normalize, terms


def test_the_seed_is_cleancos_terms():
    with SEED.open(encoding="utf-8") as handle:
        seeded = [row["term"] for row in csv.DictReader(handle)]
    assert seeded == terms()
    assert {"inc", "llc", "ltd", "gmbh", "gmbh co kg", "pty ltd", "s a"} <= set(seeded)


def test_normalize_matches_the_macro():
    assert normalize("GmbH & Co. KG") == "gmbh co kg" and normalize("S.à r.l.") == "s a r l"
