"""Renamed records in a real git history: every old page address leads to the new one in Chromium, the data
addresses are in the redirect map, the sitemap names only the new addresses, and a moved page keeps the day it was
first published."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from support.browser import BASE_PATH, QuietHandler
from support.git import commit, git, rename, repository
from support.site import SITE_URL, build

MOVES = {  # kind folder, old id, new id
    "partner": ("partners", "vanskapens-hus", "vanskapens-hus-lund"),
    "meeting": ("decisions", "2021-01-20-socialnamnden", "2021-01-21-socialnamnden"),
    "agreement": ("agreements", "kvinnojouren-lund-2018-2020", "kvinnojouren-lund-2018-2020-iop"),
}
PAGES = {  # old page, new page
    "partner": ("partner/vanskapens-hus/", "partner/vanskapens-hus-lund/"),
    "meeting": ("sammantraden/2021-01-20-socialnamnden/", "sammantraden/2021-01-21-socialnamnden/"),
    "agreement": ("overenskommelser/kvinnojouren-lund-2018-2020/", "overenskommelser/kvinnojouren-lund-2018-2020-iop/"),
}
DATA = {  # old data address, new one: a feed, an agreement's JSON, OParl objects
    "partner-vanskapens-hus.xml": "partner-vanskapens-hus-lund.xml",
    "data/overenskommelser/kvinnojouren-lund-2018-2020.json":
        "data/overenskommelser/kvinnojouren-lund-2018-2020-iop.json",
    "oparl/organization/partner-vanskapens-hus.json": "oparl/organization/partner-vanskapens-hus-lund.json",
    "oparl/meeting/2021-01-20-socialnamnden.json": "oparl/meeting/2021-01-21-socialnamnden.json",
    "oparl/paper/overenskommelse-kvinnojouren-lund-2018-2020.json":
        "oparl/paper/overenskommelse-kvinnojouren-lund-2018-2020-iop.json",
}


@dataclass(frozen=True)
class Renamed:
    url: str
    path: Path


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Renamed]:
    """The project committed in January 2025, its three records renamed in March 2026, built and served."""
    repo = repository(tmp_path_factory.mktemp("repo") / "project")
    for folder, old, new in MOVES.values():
        rename(repo, folder, old, new)
    meeting = repo / "decisions" / "2021-01-21-socialnamnden.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("date: 2021-01-20", "date: 2021-01-21"),
                       encoding="utf-8")
    commit(repo, "Byt namn", "2026-03-02T09:00:00+01:00")
    assert "R100\tpartners/vanskapens-hus.md" in git(repo, "log", "-1", "--find-renames", "--name-status")
    root = tmp_path_factory.mktemp("served")
    site = root / BASE_PATH.strip("/")
    result = build(site, "2026-11-22", repo)
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Renamed(f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}", site)
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("kind", PAGES)
def test_old_page_leads_to_new(renamed: Renamed, browser: Any, kind: str) -> None:
    old, new = PAGES[kind]
    page = browser.new_page()
    try:
        page.goto(renamed.url + old)
        page.wait_for_url(renamed.url + new)
        assert page.locator("h1").first.is_visible()
        assert "Sidan har flyttat" not in page.content()
    finally:
        page.close()


def test_old_page_has_visible_link_and_canonical(renamed: Renamed) -> None:
    old, new = PAGES["partner"]
    soup = BeautifulSoup((renamed.path / old / "index.html").read_text(encoding="utf-8"), "lxml")
    link = soup.select_one("main a[href]")
    assert link is not None and link["href"] == "../vanskapens-hus-lund/" and link.get_text() == "Vänskapens hus"
    canonical = soup.select_one("link[rel=canonical]")
    assert canonical is not None and canonical["href"] == SITE_URL + new
    assert soup.select_one("meta[http-equiv=refresh]")["content"] == "0; url=../vanskapens-hus-lund/"  # type: ignore[index]
    assert soup.select("script") == [] and soup.select("[data-pagefind-body]") == []


def test_redirect_map_lists_data_addresses(renamed: Renamed) -> None:
    rules = {tuple(line.split()) for line in (renamed.path / "_redirects").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")}
    for old, new in [*PAGES.values(), *DATA.items()]:
        assert (BASE_PATH + old, BASE_PATH + new, "301") in rules
    nginx = (renamed.path / "redirects.nginx.map").read_text(encoding="utf-8")
    assert f"{BASE_PATH}partner-vanskapens-hus.xml {BASE_PATH}partner-vanskapens-hus-lund.xml;" in nginx


def test_old_oparl_object_is_the_new_one(renamed: Renamed) -> None:
    old, new = "oparl/organization/partner-vanskapens-hus.json", DATA["oparl/organization/partner-vanskapens-hus.json"]
    assert (renamed.path / old).read_text(encoding="utf-8") == (renamed.path / new).read_text(encoding="utf-8")
    assert f'"id": "{SITE_URL}{new}"' in (renamed.path / old).read_text(encoding="utf-8")


def test_sitemap_lists_only_new_addresses(renamed: Renamed) -> None:
    sitemap = (renamed.path / "sitemap.xml").read_text(encoding="utf-8")
    for old, new in PAGES.values():
        assert f"<loc>{SITE_URL}{new}</loc>" in sitemap
        assert f"<loc>{SITE_URL}{old}</loc>" not in sitemap


def test_moved_page_keeps_its_first_publication(renamed: Renamed) -> None:
    html = (renamed.path / PAGES["partner"][1] / "index.html").read_text(encoding="utf-8")
    assert 'datetime="2025-01-10"' in html  # Publicerad: the first commit of the file under its old name
    assert "2 mars 2026" in html  # Uppdaterad: the rename
