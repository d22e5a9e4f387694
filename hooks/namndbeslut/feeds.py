"""Atom feeds: one of the committee's meetings, one per partner of the decisions that concern it.

Built with feedgen from the Archive, as files an engine adds to the site. Dates come from the
content (never the clock), so a build of a given date gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from markupsafe import Markup

from . import dates, urls
from .archive import Archive
from .model import Matter, Meeting, Partner

MEETINGS = "sammantraden.xml"
"""Feeds lie at the site's root: Material fetches 'sitemap.xml' next to every `link rel=alternate`."""


def of_partner(partner: Partner) -> str:
    return f"partner-{partner.id}.xml"


@dataclass(frozen=True)
class Feed:
    """A feed file: where it is published, its title, and the page it mirrors."""

    path: str
    title: str
    page: str


MEETINGS_FEED = Feed(MEETINGS, "Sammanträden och beslut", urls.MEETINGS)


def partner_feed(partner: Partner) -> Feed:
    return Feed(of_partner(partner), f"Beslut som rör {partner.name}", urls.partner(partner))


def announced(archive: Archive, page_url: str) -> list[Feed]:
    """The feeds a page announces in its head: the meetings feed everywhere, a partner's on its page."""
    partner = archive.partners.get(page_url.removeprefix(urls.PARTNERS).strip("/"))
    own = [partner_feed(partner)] if partner and urls.partner(partner) == page_url else []
    return [MEETINGS_FEED, *own]


def build_all(archive: Archive, url_of: Callable[[Any], str], base_url: str, today: dt.date,
              author: str) -> dict[str, bytes]:
    """Every feed of the site as Atom XML, by site-relative path."""
    link = lambda record: urljoin(base_url, url_of(record))
    out = {MEETINGS: _feed(MEETINGS_FEED, base_url, today, author,
                           [_meeting_entry(m, archive, link) for m in archive.meetings])}
    for partner in archive.partners.values():
        matters = archive.matters_about_partner.get(partner.id, [])
        out[of_partner(partner)] = _feed(partner_feed(partner), base_url, today, author,
                                         [_matter_entry(x, archive.meeting_of[x.id], archive, link) for x in matters])
    return out


Entry = dict[str, Any]


def _meeting_entry(meeting: Meeting, archive: Archive, link: Callable[[Any], str]) -> Entry:
    items = Markup("").join(Markup('<li><a href="{}">{}</a></li>').format(link(x), x.title) for x in meeting.matters)
    committee = archive.committees[meeting.committee].name
    return {"title": meeting.title, "url": link(meeting), "date": meeting.date,
            "summary": f"{committee}, sammanträde {dates.long_date(meeting.date)}: "
                       + "; ".join(x.title for x in meeting.matters),
            "content": Markup("<p>{}</p><ul>{}</ul>").format(meeting.introduction, items)}


def _matter_entry(matter: Matter, meeting: Meeting, archive: Archive, link: Callable[[Any], str]) -> Entry:
    committee = archive.committees[meeting.committee].name
    paras = f" § {', '.join(map(str, matter.paragraphs))}" if matter.paragraphs else ""
    return {"title": matter.title, "url": link(matter), "date": meeting.date,
            "summary": f"{committee} beslutade vid sammanträdet {dates.long_date(meeting.date)}{paras}.",
            "content": None}


def _feed(feed: Feed, base_url: str, today: dt.date, author: str, entries: list[Entry]) -> bytes:
    fg = FeedGenerator()
    fg.id(urljoin(base_url, feed.path))
    fg.title(feed.title)
    fg.author(name=author)
    fg.language("sv")
    fg.link(href=urljoin(base_url, feed.page), rel="alternate", type="text/html")
    fg.link(href=urljoin(base_url, feed.path), rel="self", type="application/atom+xml")
    fg.updated(_moment(max((e["date"] for e in entries), default=today)))
    for e in entries:
        fe = fg.add_entry(order="append")
        fe.id(e["url"])
        fe.title(e["title"])
        fe.link(href=e["url"], rel="alternate", type="text/html")
        fe.published(_moment(e["date"]))
        fe.updated(_moment(e["date"]))
        fe.summary(e["summary"])
        if e["content"] is not None:
            fe.content(str(e["content"]), type="html")
    return bytes(fg.atom_str(pretty=True))


def _moment(day: dt.date) -> dt.datetime:
    """A day as a timestamp (midnight in Stockholm): Atom dates are timestamps."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=dates.TIMEZONE)


