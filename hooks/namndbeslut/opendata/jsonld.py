"""schema.org JSON-LD for search engines: an Event per meeting page, a CreativeWork per agreement page."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from markupsafe import Markup

from .. import dates, urls
from ..archive import Archive, Sitting
from ..model import Agreement

CONTEXT = "https://schema.org"


def script(data: dict[str, Any]) -> Markup:
    """A <script type="application/ld+json"> block, safe in HTML: <, > and & are JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _org(name: str, kind: str = "Organization", **extra: Any) -> dict[str, Any]:
    return {"@type": kind, "name": name, **extra}


def meeting(archive: Archive, s: Sitting, base: str, municipality: str) -> dict[str, Any]:
    """The meeting as a schema.org Event, with the matters it decided as what it is about."""
    assert s.meeting is not None
    page = base + urls.meeting(s.meeting)
    at = lambda t: dt.datetime.combine(s.date, t, dates.TIMEZONE).isoformat()
    data: dict[str, Any] = {
        "@context": CONTEXT, "@type": "Event", "name": s.meeting.title, "url": page, "inLanguage": "sv",
        "startDate": at(s.plan.start) if s.plan and s.plan.start else s.date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": _org(s.committee.name, "GovernmentOrganization",
                          **({"parentOrganization": _org(municipality, "GovernmentOrganization")} if municipality else {})),
        "about": [{"@type": "Thing", "name": m.title, "url": f"{page}#{m.id}"} for m in s.meeting.matters],
    }
    if s.plan and s.plan.start and s.plan.end:
        data["endDate"] = at(s.plan.end)
    if s.plan and s.plan.place:
        data["location"] = {"@type": "Place", "name": s.plan.place}
    return data


def agreement(archive: Archive, a: Agreement, base: str) -> dict[str, Any]:
    """The agreement as a schema.org CreativeWork: parties, term and the funding it grants."""
    partner = archive.partners[a.partner]
    ident: dict[str, Any] = ({"identifier": {"@type": "PropertyValue", "propertyID": "organisationsnummer",
                             "value": partner.organisation_number}} if partner.organisation_number else {})
    start, end = (x.isoformat() if isinstance(x, dt.date) else str(x) for x in (a.term.start, a.term.end))
    funder = _org(a.public_party, "GovernmentOrganization")
    data: dict[str, Any] = {
        "@context": CONTEXT, "@type": "CreativeWork", "name": a.title, "url": base + urls.agreement(a),
        "inLanguage": "sv", "temporalCoverage": f"{start}/{end}", "funder": funder,
        "about": _org(partner.name, url=base + urls.partner(partner), **ident),
        "funding": [{"@type": "MonetaryGrant", "funder": funder, "description": str(f.year),
                     "amount": {"@type": "MonetaryAmount", "currency": "SEK", "value": f.amount,
                                "validFrom": f"{f.year}-01-01", "validThrough": f"{f.year}-12-31"}}
                    for f in a.funding if f.amount is not None],
    }
    if a.date:
        data["dateCreated"] = a.date.isoformat()
    if not data["funding"]:
        del data["funding"]
    return data
