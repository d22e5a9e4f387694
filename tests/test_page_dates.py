"""'Publicerad', 'Uppdaterad' and the sitemap's <lastmod> agree with each other and with git (pagedates.py).

A copy of the project in a git repository of its own, committed on chosen dates, with one new meeting
not yet committed, built for a later BUILD_DATE; the test reads the pages, the sitemap and OParl.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from namndbeslut import dates
from rdflib import Graph
from rdflib.namespace import DCTERMS
from support.project import project_copy
from support.site import SITE_URL, BuiltSite, attr, build, one

BUILD_DATE = "2024-12-01"
FIRST = "2024-01-10T12:00:00+01:00"
"""Every file of the copy is committed first on this day."""
EDIT = "2024-03-05T23:30:00+00:00"
"""A change of the 2021-06-09 meeting: 5 March in UTC, 6 March in Stockholm."""
AGREEMENT_EDIT = "2024-05-20T09:00:00+02:00"
"""A change of RSMH's agreement: its partner page lists it."""
NEW = "decisions/2024-02-14-socialnamnden.md"
"""A meeting held in February, its file written but not committed."""
NEW_TEXT = """---
committee: socialnamnden
date: 2024-02-14
title: Socialnämnden – sammanträde februari 2024
matters:
  - id: bidrag-2024
    kind: beslut
---
Socialnämnden sammanträdde den 14 februari.

## Bidrag till föreningar {#bidrag-2024}

Socialnämnden beslutade om bidrag.
"""
BANNER = "Sammanträdet hölls för mer än 6 månader sedan."


def _git(root: Path, *args: str, when: str | None = None) -> str:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=Redaktör", "-c", "user.email=r@example.org",
                           "-c", "commit.gpgsign=false", *args], env={"PATH": "/usr/bin:/bin", **env},
                          capture_output=True, text=True, check=True).stdout


def _commit(root: Path, when: str, message: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message, when=when)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("dated") / "p")
    _git(root, "init", "-q")
    _commit(root, FIRST, "Allt innehåll")
    _append(root / "decisions" / "2021-06-09-socialnamnden.md", "\nEn rättelse.\n")
    _commit(root, EDIT, "Rättelse")
    _append(root / "agreements" / "rsmh-2021-2023.md", "\nEtt tillägg.\n")
    _commit(root, AGREEMENT_EDIT, "Tillägg")
    (root / NEW).write_text(NEW_TEXT, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def dated(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    dest = tmp_path_factory.mktemp("dated-site")
    result = build(dest, BUILD_DATE, repo)
    assert result.returncode == 0, result.stderr
    return BuiltSite(dest)


def page_dates(site: BuiltSite, url: str) -> tuple[str, str | None]:
    """The page's 'Publicerad' and 'Uppdaterad' (None when not shown), as ISO dates, with their labels checked."""
    furniture = one(site.soup(url), ".page-furniture")
    shown = {}
    for key, label in (("published", "Publicerad"), ("updated", "Uppdaterad")):
        time = furniture.select_one(f".page-furniture__{key} time")
        if time is not None:
            assert time.parent is not None and time.parent.get_text(" ", strip=True).startswith(label + ":"), url
            day = dt.date.fromisoformat(attr(time, "datetime"))
            assert time.get_text() == dates.long_date(day), url
            shown[key] = day.isoformat()
    assert "published" in shown, f"{url} says nothing about when it was published"
    return shown["published"], shown.get("updated")


def lastmods(site: BuiltSite) -> dict[str, str]:
    """The sitemap's <lastmod> of each page, by its URL relative to the site."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site.path / "sitemap.xml").getroot()
    out = {}
    for url in root.findall("s:url", ns):
        loc, lastmod = url.find("s:loc", ns), url.find("s:lastmod", ns)
        assert loc is not None and loc.text and lastmod is not None and lastmod.text, ET.tostring(url)
        out[loc.text.removeprefix(SITE_URL)] = lastmod.text
    return out


def git_days(repo: Path, path: str) -> tuple[str, str | None]:
    """The Stockholm days of the first and the last commit of `path`, the last only when a later day."""
    times = [dt.datetime.fromisoformat(t) for t in _git(repo, "log", "--format=%cI", "--", path).split()]
    first, last = (t.astimezone(dates.TIMEZONE).date().isoformat() for t in (times[-1], times[0]))
    return first, last if last > first else None


def test_every_page_and_its_sitemap_date_agree(dated: BuiltSite) -> None:
    pages = lastmods(dated)
    assert len(pages) >= 15 and "" in pages
    for url, lastmod in pages.items():
        published, updated = page_dates(dated, url)
        assert updated is None or updated > published, url
        assert lastmod == (updated or published), url


def test_record_pages_agree_with_git(repo: Path, dated: BuiltSite) -> None:
    for path in sorted((repo / "decisions").glob("*.md")):
        if path.name != Path(NEW).name:
            assert page_dates(dated, f"sammantraden/{path.stem}/") == git_days(repo, f"decisions/{path.name}"), path
    assert page_dates(dated, "sammantraden/2021-06-09-socialnamnden/") == ("2024-01-10", "2024-03-06"), \
        "a commit at 23:30 UTC is the next day in Stockholm"
    assert page_dates(dated, "sammantraden/2020-11-11-socialnamnden/") == ("2024-01-10", None)
    assert page_dates(dated, "overenskommelser/rsmh-2021-2023/") == git_days(repo, "agreements/rsmh-2021-2023.md")


def test_an_uncommitted_file_is_published_on_the_build_date(repo: Path, dated: BuiltSite) -> None:
    assert _git(repo, "status", "--porcelain", "--", NEW).startswith("??")
    url = "sammantraden/2024-02-14-socialnamnden/"
    assert page_dates(dated, url) == (BUILD_DATE, None), "never the meeting's date"
    assert lastmods(dated)[url] == BUILD_DATE
    oparl = json.loads((dated.path / "oparl" / "meeting" / "2024-02-14-socialnamnden.json").read_text("utf-8"))
    assert oparl["created"] == oparl["modified"] == "2024-12-01T00:00:00+01:00", "OParl follows the same rule"


def test_pages_made_from_several_files(dated: BuiltSite) -> None:
    assert page_dates(dated, "partner/rsmh/") == ("2024-01-10", "2024-05-20"), "its agreement changed"
    assert page_dates(dated, "partner/kvinnojouren-lund/") == ("2024-01-10", None)
    assert page_dates(dated, "sammantraden/2021/") == ("2024-01-10", "2024-03-06")
    assert page_dates(dated, "sammantraden/2020/") == ("2024-01-10", None)
    assert page_dates(dated, "sammantraden/2024/") == (BUILD_DATE, None), "made only from the uncommitted meeting"
    assert page_dates(dated, "sammantraden/") == ("2024-01-10", BUILD_DATE), "the new meeting is listed"
    assert page_dates(dated, "") == ("2024-01-10", BUILD_DATE), "the start page lists the new meeting"


def test_oparl_created_and_modified_are_the_page_dates(dated: BuiltSite) -> None:
    meeting = json.loads((dated.path / "oparl" / "meeting" / "2021-06-09-socialnamnden.json").read_text("utf-8"))
    stamps = [dt.datetime.fromisoformat(meeting[k]).astimezone(dates.TIMEZONE).date().isoformat()
              for k in ("created", "modified")]
    assert (meeting["created"], meeting["modified"]) == (FIRST, EDIT)
    assert tuple(stamps) == page_dates(dated, "sammantraden/2021-06-09-socialnamnden/")


def test_the_six_month_banner_speaks_of_the_meeting(dated: BuiltSite) -> None:
    """An old meeting's page may be published recently: the banner says the meeting is old, not the page."""
    for url in ("sammantraden/2020-11-11-socialnamnden/", "sammantraden/2024-02-14-socialnamnden/"):
        banner = dated.article(url).select_one(".banner--old")
        assert banner is not None and banner.get_text(strip=True).startswith(BANNER), url
        assert "artikel" not in banner.get_text() and "sidan" not in banner.get_text(), url


def test_the_catalogue_dates_the_datasets_as_the_open_data_page(dated: BuiltSite) -> None:
    """DCAT's `dct:modified` (catalogue and every dataset) is the day "Öppna data", made from every record, shows."""
    graph = Graph().parse(dated.path / "data" / "katalog.ttl")
    modified = {str(day) for day in graph.objects(None, DCTERMS.modified)}
    published, updated = page_dates(dated, "oppna-data/")
    assert modified == {updated or published} == {BUILD_DATE}
