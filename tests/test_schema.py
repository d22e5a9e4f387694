"""The JSON Schema in schema/ is generated from the model, kept in step, and accepts what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from namndbeslut import frontmatter, schema
from namndbeslut.kinds import FOLDERS
from support.project import ROOT


def as_json(value: Any) -> Any:
    """Front matter as a JSON tool sees it (dates as ISO text)."""
    return json.loads(json.dumps(value, default=str))


def validator(folder: str) -> Draft202012Validator:
    document = json.loads(schema.path_of(ROOT, folder).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("folder", FOLDERS)
def test_committed_schema_matches_the_model(folder: str) -> None:
    assert schema.path_of(ROOT, folder).read_text(encoding="utf-8") == schema.render(folder), "run `make schema`"


@pytest.mark.parametrize("path", sorted(p for f in FOLDERS for p in (ROOT / f).glob("*.md")), ids=lambda p: p.name)
def test_every_seed_file_is_valid(path: Path) -> None:
    doc = frontmatter.parse(path, path.read_bytes())
    errors = [e.message for e in validator(path.parent.name).iter_errors(as_json(doc.data))]
    assert errors == []


@pytest.mark.parametrize(("folder", "data", "where"), [
    ("agreements", {"title": "A", "partner": "p", "public_party": "S", "term": {"start": 2021}}, "end"),
    ("agreements", {"title": "A", "partner": "p", "public_party": "S", "term": {"start": 2021, "end": 2023},
                    "funding": [{"year": 2021, "amount": "62 500 kr"}]}, "62 500 kr"),
    ("decisions", {"committee": "socialnamnden", "date": "2021-06-09", "title": "T",
                   "matters": [{"title": "x"}]}, "id"),
    ("partners", {"name": "P", "organisation_number": "8450008175"}, "8450008175"),
    ("reports", {"case_number": "SO 2020/0155", "date": "9 juni", "title": "T"}, "9 juni"),
    ("committees", {"name": "N", "namn": "N"}, "namn"),
])
def test_schema_refuses_what_the_model_refuses(folder: str, data: dict[str, Any], where: str) -> None:
    found = list(validator(folder).iter_errors(data))
    errors = [e.message for error in found for e in [error, *(error.context or [])]]
    assert found and any(where in e for e in errors), errors


def test_editors_guide_explains_every_field() -> None:
    guide = (ROOT / "REDAKTORSGUIDE.md").read_text(encoding="utf-8")
    fields = {name for folder in FOLDERS for part in [schema.front_matter_schema(folder),
              *schema.front_matter_schema(folder).get("$defs", {}).values()] for name in part.get("properties", {})}
    assert len(fields) > 30
    assert sorted(f for f in fields if f"`{f}`" not in guide) == []
