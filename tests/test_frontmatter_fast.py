"""Front matter through libyaml (the fast path) reads exactly as through the pure-Python loader: the same
data and lines for what both accept, and the pure loader's own refusal, message and line for the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from hypothesis import given
from hypothesis import strategies as st
from namndbeslut import frontmatter
from namndbeslut.errors import ContentError
from support.strategies import SETTINGS, front_matter

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases"
YAMLISH = st.lists(st.sampled_from(list("ab1å :-[]{}#'\"\n|>!%@`,?&*\t.~") + ["title", "- ", ": ", "\n  ", "...", "\\",
                                  "0x1", "2021-02-30", "<<", "!!str ", "\ufeff", "\u00a0", "\x7f", "\U0001f600"]),
                   max_size=40).map("".join)
"""Text made of YAML's own syntax, to find where libyaml and PyYAML might read the same bytes differently."""


def _outcome(raw: bytes, fast: bool) -> Any:
    try:
        if fast:
            doc = frontmatter.parse(Path("x.md"), raw)
        else:
            with mock.patch.object(frontmatter, "_load_fast", return_value=None):
                doc = frontmatter.parse(Path("x.md"), raw)
    except ContentError as err:
        return [str(p) for p in err.problems]
    return doc.data, doc.lines, doc.body, doc.body_line, doc.text


def assert_same(raw: bytes) -> None:
    assert _outcome(raw, fast=True) == _outcome(raw, fast=False)


def test_fast_path_is_taken() -> None:
    """The fast path really runs for plain front matter, and stands aside for anchors and errors."""
    assert frontmatter._load_fast(Path("x.md"), "title: Å\nyears: [2021, 2022]\n") == (
        {"title": "Å", "years": [2021, 2022]}, {("title",): 2, ("years",): 3, ("years", 0): 3, ("years", 1): 3})
    for source in ("a: &x 1\nb: *x\n", "a: 1\na: 2\n", "date: 2021-02-30\n", "a: [1\n", "- 1\n", "? [a]\n: 1\n"):
        assert frontmatter._load_fast(Path("x.md"), source) is None


def test_every_content_file_and_case_reads_the_same() -> None:
    files = [p for folder in ("committees", "partners", "decisions", "agreements", "reports", "content")
             for p in (ROOT / folder).rglob("*.md")]
    assert len(files) > 10
    for path in files:
        assert_same(path.read_bytes())
    base = yaml.safe_load((CASES / "base.yaml").read_text(encoding="utf-8"))
    for text in base.values():
        assert_same(text.encode())
    for case in yaml.safe_load((CASES / "broken.yaml").read_text(encoding="utf-8")):
        case_files = {**base, **(case.get("files") or {})}
        for rel, pairs in (case.get("replace") or {}).items():
            for old, new in pairs:
                case_files[rel] = case_files[rel].replace(old, new)
        for text in case_files.values():
            if isinstance(text, str):
                assert_same(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(source=YAMLISH)
def test_yaml_syntax_reads_the_same(source: str) -> None:
    assert_same(f"---\n{source}\n---\nText.\n".encode("utf-8", "surrogatepass"))


@SETTINGS
@given(data=front_matter)
def test_any_front_matter_reads_the_same(data: dict[str, Any]) -> None:
    assert_same(f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\nText.\n".encode("utf-8", "surrogatepass"))
