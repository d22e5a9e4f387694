"""Material's stylesheet, trimmed to the rules our pages can use, is current (site_src/stylesheets/material.css).

Every page fetches the stylesheet before its first paint; Material's whole one is 137 KB, of which Lighthouse
found 110 KB unused on a phone (docs/pages.md, "Weight on phones"). PurgeCSS (pinned in package-lock.json) keeps each
rule whose classes, ids and elements occur in the built pages (the seeds on two dates and the municipality
case), in Material's script (the states it sets: `focus-visible`, `md-nav__link--active`, ...) and in ours,
plus what editors' Markdown can produce that the seeds do not (admonitions, code, quotes, images, ...).
`make css` writes the file again after a change to the templates; this test fails until it is current.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import material
import pytest
from support.project import ROOT
from support.site import BuiltSite

PURGECSS = ROOT / "node_modules" / "purgecss" / "bin" / "purgecss.js"
TRIMMED = ROOT / "site_src" / "stylesheets" / "material.css"
ASSETS = Path(material.__file__).parent / "templates" / "assets"
MARKDOWN = [
    # Elements and classes editors' Markdown can produce (mkdocs.yml: admonition, attr_list, md_in_html, toc).
    "a", "abbr", "blockquote", "code", "dd", "del", "details", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "small", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul", "video",
    "admonition", "admonition-title", "note", "abstract", "info", "tip", "success", "question", "warning",
    "failure", "danger", "bug", "example", "quote",
]


def trimmed(sites: list[Path]) -> str:
    """Material's main stylesheet with only the rules the built `sites` and the scripts can use."""
    node = shutil.which("node")
    if not node or not PURGECSS.is_file():
        message = "no node on PATH" if not node else f"{PURGECSS.relative_to(ROOT)} missing (run `npm ci`)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: under CI the stylesheet must be checked")
        pytest.skip(f"{message}: stylesheet check skipped")
    (css,) = (ASSETS / "stylesheets").glob("main.*.min.css")
    content = [f"{site}/**/*.html" for site in sites]
    content += [str(p) for p in (ASSETS / "javascripts").glob("bundle.*.min.js")]
    content += [str(p) for p in (ROOT / "site_src" / "javascripts").glob("*.js")]
    result = subprocess.run([node, str(PURGECSS), "--css", str(css), "--content", *content, "--safelist", *MARKDOWN],
                            capture_output=True, text=True, check=True)
    (out,) = json.loads(result.stdout)
    rules = str(out["css"]).strip()
    charset = '@charset "UTF-8";' if rules.startswith('@charset "UTF-8";') else ""  # must stay the very first
    rules = rules.removeprefix(charset)
    note = f"/* Material {material.__version__}'s {css.name}, trimmed by tests/test_material_css.py (make css). */"
    return f"{charset}{note}\n{rules}\n"


def test_trimmed_material_css_is_current(site_at: Callable[[str], BuiltSite], municipality: BuiltSite) -> None:
    css = trimmed([site_at("2022-06-01").path, site_at("2026-11-22").path, municipality.path])
    if os.environ.get("UPDATE_CSS") == "1":
        TRIMMED.write_text(css, encoding="utf-8")
    assert TRIMMED.is_file() and TRIMMED.read_text(encoding="utf-8") == css, \
        f"{TRIMMED.relative_to(ROOT)} is not current: run `make css`"
