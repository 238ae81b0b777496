"""Model docs that cannot drift: one yml per model beside its SQL, and a description several columns share is a
`{% docs %}` block (models/_docs.md) they name through doc(), never a copy."""

from __future__ import annotations

import collections
import re

import yaml

from tests.conftest import PROJECT

MODELS = PROJECT / "models"


def model_ymls() -> dict[str, dict]:
    return {
        str(path.relative_to(MODELS)): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(MODELS.rglob("*.yml"))
        if "models" in yaml.safe_load(path.read_text(encoding="utf-8"))
    }


def test_each_model_has_its_own_yml_beside_its_sql():
    for name, doc in model_ymls().items():
        assert [m["name"] for m in doc["models"]] == [name.rsplit("/", 1)[-1].removesuffix(".yml")], name
        sql = MODELS / name.replace(".yml", ".sql")
        assert sql.exists(), f"{name} documents a model with no SQL beside it"
        for test in doc.get("unit_tests", []):
            assert test["model"] == doc["models"][0]["name"], f"{name}: unit test {test['name']} is for another model"
    documented = {name.replace(".yml", ".sql") for name in model_ymls()}
    assert {str(p.relative_to(MODELS)) for p in MODELS.rglob("*.sql")} == documented


def test_no_column_description_is_copied_and_every_doc_block_exists():
    blocks = set(re.findall(r"\{%\s*docs\s+(\w+)\s*%\}", (MODELS / "_docs.md").read_text(encoding="utf-8")))
    copies = collections.defaultdict(list)
    for name, doc in model_ymls().items():
        for column in doc["models"][0].get("columns", []):
            description = column.get("description", "")
            referenced = re.fullmatch(r"\{\{ doc\('(\w+)'\) \}\}", description)
            if referenced:
                assert referenced.group(1) in blocks, f"{name}: {column['name']} names a missing doc block"
            elif description:
                copies[description.strip()].append(f"{name}: {column['name']}")
    repeated = {key: where for key, where in copies.items() if len(where) > 1}
    assert not repeated, f"make these doc blocks in models/_docs.md: {repeated}"
