"""The site is Swedish: no label Material shows in English reaches a built page (its Swedish translation leaves
"nav" as "Navigation"; site_src/partials/language.html says it in Swedish)."""

from __future__ import annotations

import re
from pathlib import Path

import material
from support.site import BuiltSite

ENGLISH = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"


def _english_labels() -> set[str]:
    """Every text of Material's English translation that is a word (not 'en', a number or a placeholder)."""
    pairs = re.findall(r'^\s*"([^"]+)": "([^"]*)"', ENGLISH.read_text(encoding="utf-8"), re.MULTILINE)
    return {text for key, text in pairs if key != "language" and re.search(r"[A-Za-z]{3}", text)}


def test_no_english_aria_label_on_any_page(site: BuiltSite) -> None:
    english = _english_labels()
    assert {"Navigation", "Header", "Table of contents"} <= english
    found: dict[str, str] = {}
    for page in sorted(site.path.rglob("*.html")):
        for label in re.findall(r'aria-label="([^"]*)"', page.read_text(encoding="utf-8")):
            if label in english:
                found.setdefault(label, page.relative_to(site.path).as_posix())
    assert found == {}
    assert 'aria-label="Navigering"' in site.html("")
