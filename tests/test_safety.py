"""Nothing unsafe is published: personal identity numbers are refused, front-matter values reach the
HTML as text whatever they hold, and YAML is loaded safely and bounded."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from namndbeslut import check, frontmatter, idnumbers, safety
from namndbeslut.errors import ContentError
from support.project import BASE_TREE, ROOT, mkdocs_config, write_case
from support.site import BuiltSite, attr, build, one, string


@pytest.mark.parametrize(("number", "expected"), [
    ("811218-9876", True),        # personnummer, 10 digits with hyphen
    ("8112189876", True),         # without separator
    ("19811218-9876", True),      # 12 digits
    ("198112189876", True),
    ("121212+1212", True),        # + for someone over 100
    ("701063-2391", True),        # samordningsnummer: day 3 + 60
    ("000229-1234", False),       # 29 February 2000: a real date, but the check digit is wrong
    ("000229-1235", True),        # ... and right (2000 is a leap year)
    ("19000229-1235", False),     # 1900 was not
    ("811218-9875", False),       # wrong check digit
    ("811318-9876", False),       # month 13
    ("811232-9876", False),       # day 32
    ("845000-8175", False),       # organisation number (Vänskapens hus): month 50
    ("202100-5489", False),       # organisation number of a municipality: month 00
])
def test_identity_numbers(number: str, expected: bool) -> None:
    digits = re.sub(r"\D", "", number)
    century, rest = (digits[:2], digits[2:]) if len(digits) == 12 else (None, digits)
    assert idnumbers.is_identity_number(century, rest[:6], rest[6:]) is expected


def test_seeds_organisation_number_passes_and_is_published(site: BuiltSite) -> None:
    assert "845000-8175" in (ROOT / "partners" / "vanskapens-hus.md").read_text(encoding="utf-8")
    assert check.problems(ROOT) == []
    assert "845000-8175" in site.text("partner/vanskapens-hus/")


@pytest.mark.parametrize("rel", sorted(BASE_TREE))
def test_personnummer_anywhere_fails_the_build(rel: str, tmp_path: Path) -> None:
    """In every kind of file (and hand-written pages), in front matter or body."""
    text = BASE_TREE[rel]
    if text.startswith("---"):
        text = text.replace("\n", "\n# handläggare 19811218-9876\n", 1)
    text += "\nKontakt 811218-9876.\n"
    root = write_case(tmp_path, {"files": {rel: text}})
    found = [str(p) for p in check.problems(root) if "personnummer" in p.message]
    assert len(found) == (2 if BASE_TREE[rel].startswith("---") else 1), found
    assert all(p.startswith(f"{rel}:") for p in found)
    result = build(tmp_path / "out", "2022-06-01", root=root)
    assert result.returncode != 0 and "ser ut som ett personnummer" in result.stdout + result.stderr
    assert "9876" not in result.stdout + result.stderr, "the log must not repeat the number"


HOSTILE = {
    "title": "<img src=x onerror=alert(1)>",
    "name": "<script>alert(2)</script>",
    "note": "\"><svg onload=alert(3)>",
    "role": "</td><iframe src=//evil.example>",
    "public_party": r"Lund \x22\x3e\x3cscript\x3ealert(4)\x3c/script\x3e",
}


def test_front_matter_values_reach_the_html_as_text(tmp_path: Path) -> None:
    root = write_case(tmp_path, {"replace": {
        "decisions/2021-06-09-socialnamnden.md": [["title: Socialnämnden – aktuella beslut juni 2021",
                                                    f"title: \"{HOSTILE['title']}\""]],
        "partners/foreningen.md": [["name: Föreningen Gemenskap", f"name: \"{HOSTILE['name']}\""]],
        "agreements/foreningen-2021-2023.md": [["amount: 62500", f"amount: 62500\n    note: '{HOSTILE['note']}'"],
                                                ["committee: socialnamnden", ("committee: socialnamnden\ncontacts:\n"
                                                 f"  - {{name: Anna, role: '{HOSTILE['role']}'}}")],
                                                ["public_party: Socialförvaltningen i Lund",
                                                 f"public_party: '{HOSTILE['public_party']}'"],
                                                ["title: Överenskommelse med Föreningen Gemenskap 2021–2023",
                                                 f"title: '{HOSTILE['public_party']}'"]],
    }})
    assert check.problems(root) == []
    out = tmp_path / "out"
    result = build(out, "2021-06-10", root=root)  # before the 'older than 6 months' banner, which precedes the h1
    assert result.returncode == 0, result.stderr
    site = BuiltSite(out)
    for page in out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        assert not soup.select("[onerror], [onload], iframe"), page
        assert not [s for s in soup.select("script:not([type='application/ld+json'])") if "alert" in s.get_text()], page
        for data in soup.select("script[type='application/ld+json']"):  # data, not code: valid JSON, no raw '<'
            assert "<" not in string(data) and json.loads(string(data)), page
    meeting = "sammantraden/2021-06-09-socialnamnden/"
    assert one(site.soup(meeting), "h1").get_text() == HOSTILE["title"]
    assert HOSTILE["title"] in one(site.soup(meeting), "title").get_text()
    assert HOSTILE["name"] in site.text("partner/foreningen/")
    assert HOSTILE["note"] in site.text("overenskommelser/foreningen-2021-2023/")
    assert HOSTILE["role"] in site.text("overenskommelser/foreningen-2021-2023/")
    agreement = site.soup("overenskommelser/foreningen-2021-2023/")
    assert HOSTILE["public_party"] in site.text("overenskommelser/foreningen-2021-2023/")
    assert attr(one(agreement, 'meta[name="description"]'), "content").startswith(HOSTILE["public_party"])
    assert one(agreement, "title").get_text().startswith(HOSTILE["public_party"])


def test_code_blocks_may_show_html(tmp_path: Path) -> None:
    """An editor may show markup as code: only what the browser would run or load is refused."""
    root = write_case(tmp_path, {"replace": {"partners/foreningen.md": [[
        "En förening.", "En förening.\n\n```html\n<script>alert(1)</script>\n```\n\nSkriv `<iframe>` aldrig."]]}})
    assert check.problems(root) == []


def test_local_images_and_ordinary_links_pass(tmp_path: Path) -> None:
    root = write_case(tmp_path, {"replace": {"partners/foreningen.md": [[
        "En förening.", ("En [förening](https://example.org/) med ![logga](logga.png).\n\n"
                         "<a href=\"mailto:info@example.org\">E-post</a> "
                         "<img src=\"../bilder/hus.jpg\" alt=\"Huset\">")]]}})
    assert check.problems(root) == []


def test_markdown_extensions_match_the_site() -> None:
    configured = [e if isinstance(e, str) else next(iter(e)) for e in mkdocs_config().get("markdown_extensions", [])]
    assert set(safety.MARKDOWN_EXTENSIONS) == {"toc", "tables", "fenced_code", *configured}, \
        "safety.MARKDOWN_EXTENSIONS must render Markdown as the site does: update it with mkdocs.yml"


def test_billion_laughs_is_refused_before_expanding() -> None:
    """Nine levels of nine aliases would be 9**9 strings; the first anchor is refused instead."""
    lines = ["---", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(ContentError, match="ankare"):
        frontmatter.parse(Path("x.md"), "\n".join([*lines, "---", ""]).encode())


def test_oversized_file_is_refused_without_parsing() -> None:
    raw = b"---\ntitle: x\n---\n" + b"a" * frontmatter.MAX_BYTES
    with pytest.raises(ContentError, match="högst 1000000 byte"):
        frontmatter.parse(Path("x.md"), raw)


def test_deep_nesting_is_refused() -> None:
    raw = b"---\na: " + b"[" * 5_000 + b"]" * 5_000 + b"\n---\n"
    with pytest.raises(ContentError):
        frontmatter.parse(Path("x.md"), raw)
