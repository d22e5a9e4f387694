"""Relative links between site URLs: the same as posixpath.relpath gives, without its cost per link."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st
from namndbeslut import routes as urls
from support.strategies import SETTINGS

segments = st.lists(st.sampled_from(["sammantraden", "2021", "partner", "a", "oparl", "x.json"]), max_size=4)


def reference(from_url: str, to_url: str) -> str:
    """The former implementation, on posixpath.relpath."""
    target, _, fragment = to_url.partition("#")
    rel = posixpath.relpath(target.rstrip("/") or ".", from_url.rstrip("/") or ".")
    rel = "./" if rel == "." else rel + ("/" if target.endswith("/") or not target else "")
    return f"{rel}#{fragment}" if fragment else rel


def test_examples() -> None:
    assert urls.relative("sammantraden/2021/", "partner/rsmh/") == "../../partner/rsmh/"
    assert urls.relative("sammantraden/", "sammantraden/") == "./"
    assert urls.relative("partner/a/", "") == "../../"
    assert urls.relative("", "oparl/system.json") == "oparl/system.json"
    assert urls.relative("sammantraden/2021-06-09-x/", "sammantraden/2021-06-09-x/#matter") == "./#matter"


@SETTINGS
@given(source=segments, target=segments, source_dir=st.booleans(), target_dir=st.booleans(),
       fragment=st.sampled_from(["", "#m"]))
def test_same_as_relpath(source: list[str], target: list[str], source_dir: bool, target_dir: bool,
                         fragment: str) -> None:
    from_url = "/".join(source) + ("/" if source and source_dir else "")
    to_url = "/".join(target) + ("/" if target and target_dir else "") + fragment
    assert urls.relative(from_url, to_url) == reference(from_url, to_url)
