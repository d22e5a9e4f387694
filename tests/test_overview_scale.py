"""Overview pages stay short whatever the size of the archive (issue 30), on a synthetic archive of a few hundred
meetings (bench/synthetic.py) built by the real engine.

Every page keeps within the bounds measured at N (1,980 meetings): at most 1,500 elements and 50 KB of gzipped
HTML. No overview page lists more of a kind of record than one year (of one body) or the present holds: a page
never grows with the archive's age. And every meeting, agreement and partner is linked from an overview page (not
only reachable by search or the sitemap).
"""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
import sys
from collections import Counter

import lxml.html
import pytest
from namndbeslut import loader, render, routes
from support.project import ROOT, link_engine
from support.site import BuiltSite, build

sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402  # the benchmark's archive writer, from bench/

SIZE = synthetic.Size(3, 10)
"""3 bodies over 10 years: 330 meetings, 67 agreements, 25 partners."""
ELEMENTS, GZIP_BYTES = 1500, 50_000


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, dict[str, str]]:
    """The built site, and the URL of every record's page by kind (meeting, agreement, partner, …)."""
    root = tmp_path_factory.mktemp("scale")
    synthetic.write(SIZE, root)
    shutil.copytree(ROOT / "content", root / "content")
    link_engine(root)
    result = build(root / "site", synthetic.BUILD_DATE, root)
    assert result.returncode == 0, result.stderr
    archive = loader.load(root, dt.date.fromisoformat(synthetic.BUILD_DATE))
    records: list[routes.Published] = [*archive.meetings, *archive.agreements.values(), *archive.partners.values(),
                                       *archive.reports.values(), *archive.committees.values()]
    kinds = {routes.page(r, archive): type(r).__name__ for r in records}
    return BuiltSite(root / "site"), kinds


def pages(site: BuiltSite) -> dict[str, bytes]:
    """Every page of the site by URL ('a/b/'), the search's files left out."""
    return {("" if p.parent == site.path else f"{p.parent.relative_to(site.path).as_posix()}/"): p.read_bytes()
            for p in site.path.rglob("index.html") if "pagefind" not in p.parts}


def linked(site: BuiltSite, url: str) -> set[str]:
    """The pages a page links to (a section of a page: the page)."""
    return {u.partition("#")[0] for u in site.links(url)}


def test_the_archive_is_a_few_hundred_meetings(scaled: tuple[BuiltSite, dict[str, str]]) -> None:
    counts = Counter(scaled[1].values())
    assert counts["Meeting"] == SIZE.meetings >= 300 and counts["Agreement"] > 50, counts


def test_every_page_within_the_bounds(scaled: tuple[BuiltSite, dict[str, str]]) -> None:
    site, _ = scaled
    found = pages(site)
    assert len(found) > SIZE.meetings
    over = {}
    for url, html in found.items():
        elements = sum(1 for e in lxml.html.fromstring(html).iter() if isinstance(e.tag, str))
        packed = len(gzip.compress(html))
        if elements > ELEMENTS or packed > GZIP_BYTES:
            over[url] = (elements, packed)
    assert not over, over


def test_no_overview_grows_with_the_archive(scaled: tuple[BuiltSite, dict[str, str]]) -> None:
    """An overview links to at most one year's meetings (the year's page: every body's), and to at most one year's
    agreements or those in force: never to every record of a kind."""
    site, kinds = scaled
    meetings = Counter(url[len(routes.MEETINGS):][:4] for url, kind in kinds.items() if kind == "Meeting")
    agreements = sum(kind == "Agreement" for kind in kinds.values())
    for url in pages(site):
        if url in kinds:
            continue
        found = Counter(kinds.get(u) for u in linked(site, url))
        assert found["Meeting"] <= max(meetings.values()), (url, found)
        assert found["Agreement"] < agreements, (url, found)


@pytest.mark.parametrize("kind", ["Meeting", "Agreement", "Partner"])
def test_every_record_linked_from_an_overview(scaled: tuple[BuiltSite, dict[str, str]], kind: str) -> None:
    site, kinds = scaled
    reached = {u for url in pages(site) if url not in kinds for u in linked(site, url)}
    missing = sorted(url for url, k in kinds.items() if k == kind and url not in reached)
    assert not missing, f"{len(missing)} {kind} pages linked from no overview, e.g. {missing[:3]}"


def test_overviews_do_not_grow_with_the_bodies_or_partners(scaled: tuple[BuiltSite, dict[str, str]]) -> None:
    """The navigator lists years, a year's page its bodies, the partners' page their initials, a year's funding its
    bodies, a body's page its newest meetings and its years: none lists the records themselves."""
    site, kinds = scaled
    for url in (routes.MEETINGS, routes.year(2020), routes.PARTNERS, routes.AGREEMENTS, routes.funding_year(2020)):
        found = Counter(kinds.get(u) for u in linked(site, url))
        assert found["Meeting"] <= render.HOME_ITEMS and not found["Partner"] and not found["Agreement"], (url, found)
    year_bodies = {u for u in linked(site, routes.MEETINGS) if u.startswith(routes.year(2020))}
    assert year_bodies == {routes.year(2020)}, "the navigator leads to the year, the year to its bodies"
    for url, kind in kinds.items():
        if kind == "Committee":
            assert Counter(kinds.get(u) for u in linked(site, url))["Meeting"] <= render.HOME_ITEMS, url
