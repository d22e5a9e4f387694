"""One iCalendar feed per committee: its held and planned meetings, for readers' calendar apps.

A meeting without a known time is an all-day event; a planned meeting keeps its UID once held,
so a subscribed calendar updates the same event instead of adding a second one. A meeting known only to the
month is left out: an event needs a day, and the calendar invents none. A planned meeting whose day has passed
without a published summary says so (not that it is still planned, nor that it was held), and is TENTATIVE, as
is a meeting known only from its agenda (whether either was held is not known: SittingState.confirmed). A planned
meeting's note ('årsredovisning') and a summary's selection note are in the description, as on the pages; a body's
usual time (`usual_start`) is never an event's: an event without a stated time stays all-day, also where the source
gives the start in words (`start_as_given`, in the description); nor is its usual place (`usual_place`) an event's
LOCATION: a planned meeting still ahead without a time or place of its own has them in the description, as usual;
a held meeting never (a reader took them for that meeting's).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .. import dates, routes
from ..archive import Sitting, SittingState
from ..context import BuildContext
from ..model import Committee

PLANNED_NOTE = "Planerat sammanträde. En sammanfattning av besluten publiceras efter mötet."
PASSED_NOTE = ("Planerat sammanträde. Datumet har passerat och ingen sammanfattning av besluten är publicerad "
               "(sammanträdet kan ha ställts in eller flyttats).")


def feed(ctx: BuildContext, committee: Committee) -> bytes:
    """The committee's calendar as iCalendar bytes (RFC 5545)."""
    cal = Calendar()
    cal.add("prodid", f"-//{urlsplit(ctx.base_url).netloc}//Sammanträden//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{committee.name}: sammanträden")
    cal.add("x-wr-timezone", str(dates.TIMEZONE))
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    stamp = dt.datetime.combine(ctx.today, dt.time(), dt.UTC)
    for sitting in ctx.archive.calendar.get(committee.id, []):
        if sitting.day is not None:
            cal.add_component(_event(sitting, sitting.day, ctx, stamp))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _event(s: Sitting, day: dt.date, ctx: BuildContext, stamp: dt.datetime) -> Event:
    assert s.committee is not None  # a body's calendar holds only its own sittings
    event = Event()
    event.add("uid", f"{s.id}@{urlsplit(ctx.base_url).netloc}")
    event.add("dtstamp", stamp)
    event.add("summary", f"{s.committee.name}: sammanträde")  # no tense: the calendar holds past meetings too
    if s.time_stated:
        event.add("dtstart", s.starts_at)
        if s.ends_at:
            event.add("dtend", s.ends_at)
    else:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    if s.place:
        event.add("location", s.place)
    event.add("status", "CONFIRMED" if s.state_on(ctx.today).confirmed else "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    usual = _usual(s, ctx.today)
    note = "\n".join(x for x in (s.plan_line, usual) if x)
    if s.meeting:
        event.add("url", ctx.absolute(routes.meeting(s.meeting)))
        matters = "\n".join(f"– {m.title}" for m in s.meeting.matters)
        said = (f"Tid: {s.time_as_given}" if s.time_as_given else "",
                f"Öppet för allmänheten: {s.meeting.public_label}" if s.meeting.public_label else "")
        event.add("description", "\n".join(x for x in (s.meeting.title, *said, note, *s.meeting.notes, matters)
                                           if x))
    elif s.state_on(ctx.today) is SittingState.PASSED:
        event.add("url", ctx.absolute(routes.body(s.committee)))
        event.add("description", "\n".join(x for x in (PASSED_NOTE, note) if x))
    else:
        event.add("url", ctx.absolute(routes.UPCOMING))
        event.add("description", "\n".join(x for x in (PLANNED_NOTE, note) if x))
    return event


def _usual(s: Sitting, today: dt.date) -> str:
    """The body's usual time and place, only on a planned meeting still ahead, for what it does not state itself:
    there they help a reader plan. Never on a held meeting, one known from its agenda or one whose day has passed,
    where they read as that meeting's time and place."""
    assert s.committee is not None
    if s.state_on(today) is not SittingState.PLANNED:
        return ""
    return s.committee.usual_line(time=not s.time_stated, place=not s.place)
