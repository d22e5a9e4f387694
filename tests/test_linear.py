"""Bounded work per byte (issue 24): every regular expression of the package, and the text functions every
content file passes through, finish on 1 MB of adversarial input within a second. A pattern with nested
quantifiers over the same characters (or one that scans to the end from every start) fails here."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Callable

import namndbeslut
import pytest
from namndbeslut import idnumbers

MEGABYTE = 1_000_000
LIMIT_SECONDS = 1.0

UNITS = ["<!--", "<a ", "<a", "</", "<!", "<![CDATA[", "1", "1 ", "1-", "12345 ", "811218-", "8112-", "1\n", "&#",
         "&#4", "&amp;", "%2", "%", "\\", "\\u", "\\x0", "[", "](", "[a](", "{", "{#", "{: ", "- ", "  - ", "> ",
         "1. ", "* ", "*", "_", "`", "url(", " ", "\t", "\n", "\n\n", "a", "a=", "a='", 'a="', "=", "--", "-",
         "0.", "1,", "https://", "data:", "#", "FYLL", "<x a='1' ", "\u00a0", "\u3000", "\uff11", "é"]
"""Repeated to a megabyte: the characters each pattern's quantifiers range over, alone and in pairs."""


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for info in pkgutil.walk_packages(namndbeslut.__path__, "namndbeslut."):
        module = importlib.import_module(info.name)
        found.extend((f"{info.name}.{name}", value) for name, value in vars(module).items()
                     if isinstance(value, re.Pattern) and isinstance(value.pattern, str))
    return found


PATTERNS = _patterns()


def test_every_module_pattern_is_found() -> None:
    names = {name for name, _ in PATTERNS}
    assert "namndbeslut.idnumbers.IDENTITY_NUMBER" in names and len(names) >= 25, names


def _elapsed(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear(name: str, pattern: re.Pattern[str]) -> None:
    slow = []
    for unit in UNITS:
        text = unit * (MEGABYTE // len(unit))
        took = _elapsed(lambda text=text: (pattern.search(text), sum(1 for _ in pattern.finditer(text)),  # type: ignore[misc]
                                           pattern.match(text)))
        if took > LIMIT_SECONDS:
            slow.append(f"{unit!r}: {took:.1f} s")
    assert not slow, f"{name} takes more than {LIMIT_SECONDS} s on a megabyte of " + ", ".join(slow)


@pytest.mark.parametrize("function", [idnumbers.readable, idnumbers.as_read, lambda t: list(idnumbers.by_line(t))],
                         ids=["readable", "as_read", "by_line"])
def test_identity_number_search_is_linear(function: Callable[[str], object]) -> None:
    slow = [f"{unit!r}" for unit in UNITS
            if _elapsed(lambda unit=unit: function(unit * (MEGABYTE // len(unit)))) > LIMIT_SECONDS]  # type: ignore[misc]
    assert not slow, "slow on a megabyte of " + ", ".join(slow)
