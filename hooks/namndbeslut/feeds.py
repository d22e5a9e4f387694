"""Atom feeds: one of the committee's meetings, one per partner of the matters that concern it.

Written with ElementTree from the Archive, as files an engine adds to the site. Dates come from the
content (never the clock), so a build of a given date gives the same bytes. Atom requires every entry's
`updated`: a meeting known only to the month has it at the month's last day (Meeting.sort_day, the latest it
can have been held); its optional `published`, which a reader takes for the meeting's day, is left out, and its
summary names the month alone. A meeting whose source gives no date has `updated` at its file's last change, no
`published`, its title is `Meeting.listed_title` (the source's words about the date after 'datum anges inte', so two
of one body differ), and its summary says 'sammanträde datum anges inte; enligt källan: …' (Meeting.when).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from markupsafe import Markup

from . import dates, kinds, routes
from .context import BuildContext
from .model import Committee, Matter, Meeting, Partner


@dataclass(frozen=True)
class Feed:
    """A feed file: where it is published, its title, and the page it mirrors."""

    path: str
    title: str
    page: str


MEETINGS = Feed(routes.MEETINGS_FEED, "Sammanträden och beslut", routes.MEETINGS)


def of_partner(partner: Partner) -> Feed:
    return Feed(routes.partner_feed(partner), partner.matters_heading, routes.partner(partner))


def of_body(body: Committee) -> Feed:
    return Feed(routes.body_feed(body), f"Sammanträden och beslut: {body.name}", routes.body(body))


def announced(record: object | None) -> list[Feed]:
    """The feeds a page announces in its head: the meetings feed everywhere, a partner's or a body's on its
    page."""
    if isinstance(record, Partner):
        return [MEETINGS, of_partner(record)]
    if isinstance(record, Committee):
        return [MEETINGS, of_body(record)]
    return [MEETINGS]


def build_all(ctx: BuildContext) -> dict[str, bytes]:
    """Every feed of the site as Atom XML, by site-relative path."""
    archive = ctx.archive
    author = ", ".join(c.name for c in archive.committees.values())

    def link(record: routes.Published) -> str:
        return ctx.absolute(routes.page(record, archive))

    out = {MEETINGS.path: _feed(MEETINGS, ctx, author, [_meeting_entry(m, ctx, link) for m in archive.meetings])}
    for partner in archive.partners.values():
        feed = of_partner(partner)
        out[feed.path] = _feed(feed, ctx, author, [_matter_entry(x, ctx, link) for x in archive.matters_about(partner)])
    for body in archive.committees.values():
        feed = of_body(body)
        decisions = [m for m in archive.meetings if body.id in m.bodies]  # its meetings and outside decisions
        out[feed.path] = _feed(feed, ctx, body.name, [_meeting_entry(m, ctx, link) for m in decisions])
    return out


Entry = dict[str, Any]
Link = Callable[[routes.Published], str]


def _meeting_entry(meeting: Meeting, ctx: BuildContext, link: Link) -> Entry:
    items = Markup("").join(Markup('<li><a href="{}">{}</a></li>').format(link(x), x.title) for x in meeting.matters)
    committee = ctx.archive.body_name_of(meeting)
    return {"title": meeting.listed_title, "url": link(meeting), "date": _updated(meeting, ctx), "day": meeting.day,
            "summary": f"{committee}, {meeting.occasion} {meeting.when}: "
                       + "; ".join(x.title for x in meeting.matters) + _selection(meeting),
            "content": Markup("<p>{}</p><ul>{}</ul>").format(meeting.introduction, items)
                       + Markup("").join(Markup("<p>{}</p>").format(note) for note in meeting.notes)}


def _updated(meeting: Meeting, ctx: BuildContext) -> dt.date:
    """An entry's `updated`: the meeting's day (or its month's or year's last); where the source gives no date, the
    day its file was last changed (BuildContext.span), the one honest instant Atom can be given."""
    if meeting.sort_day is not None:
        return meeting.sort_day
    doc = ctx.archive.sources.get((kinds.MEETING, meeting.id))
    return ctx.span(doc.path if doc else None).last.astimezone(dates.TIMEZONE).date()


def _selection(meeting: Meeting) -> str:
    """A feed's summary of a selection of matters, or of an agenda, says so, as the meeting page does."""
    return "".join(f" ({note})" for note in meeting.notes)


def _matter_entry(matter: Matter, ctx: BuildContext, link: Link) -> Entry:
    meeting = ctx.archive.meeting_with(matter)
    kind = f"{matter.kind.label}: " if matter.kind else ""  # an unstated kind is not guessed, nor said in a summary
    agenda = f" {meeting.item_note}." if meeting.item_note else ""
    return {"title": matter.title, "url": link(matter), "date": _updated(meeting, ctx), "day": meeting.day,
            "summary": f"{kind}{ctx.archive.decision_label(matter)}.{agenda}",
            "content": None}


ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _feed(feed: Feed, ctx: BuildContext, author: str, entries: list[Entry]) -> bytes:
    """The feed as Atom (RFC 4287), written with ElementTree: every link keeps its rel and type."""
    root = ElementTree.Element(f"{{{ATOM}}}feed", {XML_LANG: "sv"})
    _add(root, "id", ctx.absolute(feed.path))
    _add(root, "title", feed.title)
    _add(root, "updated", _moment(max((e["date"] for e in entries), default=ctx.today)))
    _add(_add(root, "author"), "name", author)
    _add(root, "link", href=ctx.absolute(feed.page), rel="alternate", type="text/html")
    _add(root, "link", href=ctx.absolute(feed.path), rel="self", type="application/atom+xml")
    for e in entries:
        entry = _add(root, "entry")
        _add(entry, "id", e["url"])
        _add(entry, "title", e["title"])
        _add(entry, "link", href=e["url"], rel="alternate", type="text/html")
        if e["day"] is not None:  # a day the source does not give is not published as one
            _add(entry, "published", _moment(e["day"]))
        _add(entry, "updated", _moment(e["date"]))
        _add(entry, "summary", e["summary"])
        if e["content"] is not None:
            _add(entry, "content", str(e["content"]), type="html")
    ElementTree.register_namespace("", ATOM)
    ElementTree.indent(root)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def _add(parent: ElementTree.Element, name: str, text: str | dt.datetime | None = None,
         **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    if text is not None:
        element.text = text.isoformat() if isinstance(text, dt.datetime) else text
    return element


def _moment(day: dt.date) -> dt.datetime:
    """A day as a timestamp (midnight in Stockholm): Atom dates are timestamps."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=dates.TIMEZONE)


