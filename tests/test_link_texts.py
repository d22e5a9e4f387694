"""Link texts say where they go (WCAG 2.4.4): on no page do two links share a text but lead to different
places, in the seeds' site (Material's own navigation included) and in the municipality's.

Only the table of contents is left out: it repeats the page's own headings (an agreement's text may have
two sections of one name) and its links stay on the page."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from support.project import CASES_DIR, link_engine, write_tree
from support.site import SITE_URL, BuiltSite, attr, build

BASE = urlsplit(SITE_URL).path


def accessible_name(a: Tag) -> str:
    """A link's name as a screen reader announces it: aria-label, else its text without aria-hidden parts."""
    if a.get("aria-label"):
        return " ".join(attr(a, "aria-label").split())
    for hidden in a.select("[aria-hidden=true]"):
        hidden.decompose()
    text = a.get_text(" ", strip=True) or " ".join(attr(i, "alt") for i in a.select("img[alt]"))
    return " ".join(text.split())


def target(page: str, href: str) -> str:
    """Where a link leads, as one normalised address (relative links resolved against the page)."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    path = parts.path
    if path.startswith("/"):
        path = path.removeprefix(BASE)
        base = ""
    else:
        base = posixpath.dirname(page)
    resolved = posixpath.normpath(posixpath.join(base, path)) if path else page
    resolved = resolved.removesuffix("index.html").removesuffix("/").lstrip("./") if resolved != "." else ""
    return resolved + (f"#{parts.fragment}" if parts.fragment else "")


def ambiguous_links(site: BuiltSite) -> list[str]:
    """Every page's link names that lead to more than one place."""
    problems = []
    for file in sorted(site.path.rglob("*.html")):
        page = file.relative_to(site.path).as_posix()
        by_name: dict[str, set[str]] = defaultdict(set)
        for a in BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").select("a[href]"):
            if attr(a, "href").startswith("#") and a.find_parent(class_="md-nav--secondary"):
                continue  # the page's table of contents: its own sections, in a nav named "Innehållsförteckning"
            by_name[accessible_name(a)].add(target(page, attr(a, "href")))
        problems += [f"{page}: {name!r} → {sorted(hrefs)}" for name, hrefs in by_name.items() if len(hrefs) > 1]
    return problems


def test_seed_site_links_name_their_targets(site: BuiltSite) -> None:
    assert not ambiguous_links(site), "\n".join(ambiguous_links(site))


def test_agreement_links_name_the_period(site: BuiltSite) -> None:
    names = {accessible_name(a) for a in site.article("namnder/socialnamnden/").select("table a")}
    assert {f"Överenskommelse om idéburet offentligt partnerskap med Kvinnojouren Lund {years}"
            for years in ("2018–2020", "2021–2023")} <= names, names


def test_a_partners_page_names_its_agreements_by_title(site: BuiltSite) -> None:
    """One partner's agreements share its name: their labels tell them apart (issue 26, N10). Every link to an
    agreement is named by Archive.agreement_label (docs/pages.md), which is the title where the title names the
    partner and the period, as these do."""
    names = {accessible_name(a) for a in site.article("partner/kvinnojouren-lund/").select("table a")}
    assert {f"Överenskommelse om idéburet offentligt partnerskap med Kvinnojouren Lund {years}"
            for years in ("2018–2020", "2021–2023")} <= names, names


@pytest.fixture(scope="module")
def municipality(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("municipality")
    write_tree(root, yaml.safe_load((CASES_DIR / "municipality.yaml").read_text(encoding="utf-8")))
    link_engine(root)
    dest = tmp_path_factory.mktemp("site")
    result = build(dest, "2024-06-01", root)
    assert result.returncode == 0, result.stderr
    return BuiltSite(dest)


def test_municipality_links_name_their_targets(municipality: BuiltSite) -> None:
    assert not ambiguous_links(municipality), "\n".join(ambiguous_links(municipality))
