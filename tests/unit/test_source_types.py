"""The source types are defined once (scrapy_project/spiders/, one module each): the seed the SQL reads and the
README's source table follow them."""

from __future__ import annotations

from scrapy_project.source_types import source_types
from scripts.source_types_seed import SEED, seed_text
from tests.conftest import PROJECT


def test_the_seed_is_made_from_the_source_types():
    assert SEED.read_text(encoding="utf-8") == seed_text(), "run `python -m scripts.source_types_seed`"


def test_the_readme_names_every_source_type_with_its_keys():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for name, kind in source_types().items():
        keys = ", ".join(f"`{key}`" for key in (kind.key, *kind.also_required))
        assert f"| `{name}` | {keys} |" in readme, f"README's source table lacks {name}"
