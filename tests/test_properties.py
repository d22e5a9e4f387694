"""Whatever an editor saves, the build either succeeds or stops with the project's own ContentError
(file, line, field, Swedish message): never a traceback from deep inside a library."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from namndbeslut.errors import ContentError
from namndbeslut.site import Site
from support.project import BASE_TREE
from support.strategies import SETTINGS, front_matter, yaml_values

TARGETS = sorted(BASE_TREE)


@pytest.fixture(scope="module")
def tree() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, text in BASE_TREE.items():
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
        path.write_text(BASE_TREE[rel], encoding="utf-8")


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
    text = f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n{body}"
    build_with(tree, rel, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(rel=st.sampled_from(TARGETS), data=st.data())
def test_one_value_changed_in_a_valid_file(tree: Path, rel: str, data: st.DataObject) -> None:
    """A valid file with one line's value replaced by anything: reaches the model's own checks."""
    lines = BASE_TREE[rel].split("\n")
    keyed = [i for i, line in enumerate(lines) if ": " in line or line.rstrip().endswith(":")]
    if not keyed:
        return
    i = data.draw(st.sampled_from(keyed))
    flow = yaml_values.map(lambda v: yaml.safe_dump(v, default_flow_style=True).strip())
    value = data.draw(flow | st.text(max_size=20))
    key = lines[i].split(":", 1)[0]
    lines[i] = f"{key}: {value}".replace("\n", " ")
    build_with(tree, rel, "\n".join(lines).encode("utf-8", "surrogatepass"))
