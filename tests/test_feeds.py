"""The Atom feeds, read with a real feed parser: valid, announced in the page head, the right entries."""

from __future__ import annotations

import posixpath

import feedparser
from support.site import BuiltSite, attr

BASE = "https://example.github.io/namndbeslut/"
MEETINGS = ["2021-06-09", "2021-01-20", "2020-11-11"]


def _parse(site: BuiltSite, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site.path / path).read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


def test_meetings_feed_one_entry_per_meeting_newest_first(site: BuiltSite) -> None:
    feed = _parse(site, "sammantraden.xml")
    assert feed.feed.language == "sv"
    assert feed.feed.link == f"{BASE}sammantraden/"
    assert [e.link for e in feed.entries] == [f"{BASE}sammantraden/{d}-socialnamnden/" for d in MEETINGS]
    assert [e.published[:10] for e in feed.entries] == MEETINGS
    november = feed.entries[2]
    assert november.title == "Socialnämnden – aktuella beslut november 2020"
    content = november.content[0].value
    for matter in ["Uppdaterad riktlinje för idéburet offentligt partnerskap (IOP)",
                   "Ny överenskommelse med Kvinnojouren",
                   "Socialsekreterare hos polisen"]:
        assert matter in content and matter in november.summary
    assert f'href="{BASE}sammantraden/2020-11-11-socialnamnden/#kvinnojouren-overenskommelse-2020"' in content


def test_one_feed_per_partner_with_its_decisions(site: BuiltSite) -> None:
    expected = {
        "kvinnojouren-lund": ["2020-11-11-socialnamnden/#kvinnojouren-overenskommelse-2020"],
        "vanskapens-hus": ["2021-06-09-socialnamnden/#vanskapens-hus-overenskommelse-2021"],
        "rsmh": ["2021-01-20-socialnamnden/#rsmh-overenskommelse-2021"],
    }
    for partner, links in expected.items():
        feed = _parse(site, f"partner-{partner}.xml")
        assert feed.feed.link == f"{BASE}partner/{partner}/"
        assert [e.link for e in feed.entries] == [f"{BASE}sammantraden/{x}" for x in links]
    assert "Kvinnojouren Lund" in _parse(site, "partner-kvinnojouren-lund.xml").feed.title


def test_feeds_announced_in_the_head(site: BuiltSite) -> None:
    for url, feeds in [("", {"sammantraden.xml"}), ("overenskommelser/", {"sammantraden.xml"}),
                       ("partner/rsmh/", {"sammantraden.xml", "partner-rsmh.xml"})]:
        links = site.soup(url).select('head link[rel~="alternate"][type="application/atom+xml"]')
        # not rel="alternate" alone, which Material takes for another language's site (it fetches the sitemap)
        assert not site.soup(url).select('link[rel="alternate"]'), url
        found = {posixpath.normpath(posixpath.join(url, attr(link, "href"))) for link in links}
        assert found == feeds, url
        assert all(link.get("title") for link in links)
        assert all((site.path / f).is_file() for f in found)


def test_feeds_do_not_depend_on_the_clock(site_at) -> None:  # type: ignore[no-untyped-def]
    a, b = site_at("2022-06-01"), site_at("2026-11-22")
    assert (a.path / "sammantraden.xml").read_bytes() == (b.path / "sammantraden.xml").read_bytes()


def test_entry_links_keep_rel_and_type(site: BuiltSite) -> None:
    """feedgen 1.0.0 dropped them (its bug #135); a reader's feed app needs them to open the page."""
    for path in ("sammantraden.xml", "partner-rsmh.xml", "namnd-socialnamnden.xml"):
        feed = _parse(site, path)
        assert feed.entries, path
        for entry in feed.entries:
            assert [(x.rel, x.type, x.href) for x in entry.links] == [("alternate", "text/html", entry.id)], path
        assert {(x.rel, x.type) for x in feed.feed.links} == {("alternate", "text/html"),
                                                             ("self", "application/atom+xml")}
