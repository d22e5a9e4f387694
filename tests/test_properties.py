"""Whatever an editor saves, the build either succeeds or stops with the project's own ContentError
(file, line, field, Swedish message): never a traceback from deep inside a library."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from namndbeslut.errors import ContentError
from namndbeslut.site import Site

BASE: dict[str, str] = yaml.safe_load((Path(__file__).parent / "cases" / "base.yaml").read_text(encoding="utf-8"))
TARGETS = sorted(BASE)
FIELDS = ["name", "title", "partner", "public_party", "committee", "date", "signed", "term", "start", "end",
          "review_by", "case_number", "renews", "adopted_by", "funding", "year", "amount", "price_compensation",
          "note", "contacts", "email", "matters", "id", "paragraphs", "adopts", "agreements", "concerns",
          "organisation_number", "website", "documents_url", "minutes_url", "reviewed_numbers"]
"""The model's field names, so that generated front matter gets past 'unknown field' and deep into validation."""

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats() | st.text(max_size=30)
           | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)) | st.sampled_from(["foreningen", "kvinnojouren",
           "foreningen-2021-2023", "socialnamnden", "2021-06-09 § 112", "845000-8175", "SO 2020/0155"]))
keys = st.sampled_from(FIELDS) | st.text(max_size=10)
yaml_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(keys, inner, max_size=5), max_leaves=25)
front_matter = st.dictionaries(keys, yaml_values, max_size=8)


@pytest.fixture(scope="module")
def tree() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, text in BASE.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        yield root


def build_with(root: Path, rel: str, content: bytes) -> None:
    """Build the tree with one file replaced; succeed or raise ContentError, nothing else."""
    path = root / rel
    try:
        path.write_bytes(content)
        Site.build(root, today=dt.date(2022, 6, 1))
    except ContentError as err:
        assert err.problems and all(p.path.as_posix() and p.message for p in err.problems)
    finally:
        path.write_text(BASE[rel], encoding="utf-8")


@SETTINGS
@given(rel=st.sampled_from(TARGETS), text=st.text())
def test_any_text(tree: Path, rel: str, text: str) -> None:
    build_with(tree, rel, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(rel=st.sampled_from(TARGETS), raw=st.binary())
def test_any_bytes(tree: Path, rel: str, raw: bytes) -> None:
    build_with(tree, rel, raw)


@SETTINGS
@given(rel=st.sampled_from(TARGETS), data=front_matter, body=st.text(max_size=200))
def test_any_yaml_front_matter(tree: Path, rel: str, data: dict[str, Any], body: str) -> None:
    build_with(tree, rel, f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n{body}".encode("utf-8", "surrogatepass"))


@SETTINGS
@given(rel=st.sampled_from(TARGETS), data=st.data())
def test_one_value_changed_in_a_valid_file(tree: Path, rel: str, data: st.DataObject) -> None:
    """A valid file with one line's value replaced by anything: reaches the model's own checks."""
    lines = BASE[rel].split("\n")
    keyed = [i for i, line in enumerate(lines) if ": " in line or line.rstrip().endswith(":")]
    if not keyed:
        return
    i = data.draw(st.sampled_from(keyed))
    value = data.draw(yaml_values.map(lambda v: yaml.safe_dump(v, default_flow_style=True).strip()) | st.text(max_size=20))
    key = lines[i].split(":", 1)[0]
    lines[i] = f"{key}: {value}".replace("\n", " ")
    build_with(tree, rel, "\n".join(lines).encode("utf-8", "surrogatepass"))
