"""schema.org JSON-LD for search engines: an Event per meeting page, a CreativeWork per agreement page."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from markupsafe import Markup

from .. import dates, routes
from ..archive import Sitting
from ..context import BuildContext
from ..dates import Money
from ..model import Agreement, Funding, Partner, Sum
from .tables import json_number

CONTEXT = "https://schema.org"


def script(data: dict[str, Any]) -> Markup:
    """A <script type="application/ld+json"> block, safe in HTML: <, > and & are JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=json_number)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _org(name: str, kind: str = "Organization", **extra: Any) -> dict[str, Any]:
    return {"@type": kind, "name": name, **extra}


def meeting(ctx: BuildContext, s: Sitting) -> dict[str, Any]:
    """The meeting as a schema.org Event, with the matters it decided as what it is about."""
    assert s.meeting is not None
    held, setting = s.meeting, ctx.settings.get("municipality") or ""
    municipality = s.committee.belongs_to(setting) if s.committee else ""

    def at(t: dt.time) -> str:
        assert s.day is not None  # called only with a day: a time without one is no date-time
        return dt.datetime.combine(s.day, t, dates.TIMEZONE).isoformat()

    parent = {"parentOrganization": _org(municipality, "GovernmentOrganization")} if municipality else {}
    data: dict[str, Any] = {
        "@context": CONTEXT, "@type": "Event", "name": held.title, "url": ctx.absolute(routes.meeting(held)),
        "inLanguage": "sv",
        # '2020-11' where only the month is known; none where the source gives no date
        **({"startDate": at(s.start) if s.start and s.day else dates.iso(s.date)} if s.date else {}),
        "eventStatus": "https://schema.org/EventScheduled",
        # no organizer where the source names no body: none is made up
        **({"organizer": _org(s.committee.name, "GovernmentOrganization", **parent)} if s.committee else {}),
        "about": [{"@type": "Thing", "name": m.title, "url": ctx.absolute(routes.matter(held, m))}
                  for m in held.matters],
    }
    if s.day and s.start and s.end:
        data["endDate"] = at(s.end)
    if s.place:
        data["location"] = {"@type": "Place", "name": s.place}
    return data


def _partner(ctx: BuildContext, partner: Partner) -> dict[str, Any]:
    ident: dict[str, Any] = ({"identifier": {"@type": "PropertyValue", "propertyID": "organisationsnummer",
                             "value": partner.organisation_number}} if partner.organisation_number else {})
    return _org(partner.name, url=ctx.absolute(routes.partner(partner)), **ident)


def _coverage(a: Agreement) -> dict[str, str]:
    """The term as an ISO 8601 interval ('2021/2023', '2022-01-01/..' until further notice, '../2023' without a stated
    start); none if unstated."""
    term = a.term
    if term is None:
        return {}
    start = ".." if term.start is None else dates.iso(term.start)
    end = ".." if term.stated_end is None else dates.iso(term.stated_end)
    return {"temporalCoverage": f"{start}/{end}"}


def _value(a: Sum) -> dict[str, Money]:
    """A sum's kronor: a range as `minValue` and `maxValue`, a ceiling as `maxValue` (the sum paid is not stated),
    else `value` (an estimate's 'ca' is in the grant's description); none for a sum per unit, which is no grant's
    amount (its words are the description's)."""
    if a.per is not None or a.kronor is None:
        return {}
    if a.up_to_kronor is not None:
        return {"minValue": a.kronor, "maxValue": a.up_to_kronor}
    return {("maxValue" if a.ceiling else "value"): a.kronor}


def _grant(f: Funding, funder: dict[str, Any]) -> dict[str, Any]:
    """A row's sum as a MonetaryGrant: a calendar year's as valid in that year; its kronor as _value gives them; the
    source's words in `description` ('2021: högst 500 000 kr', '1 300 000 kr per år
    i tre år (åren anges inte)'), a recipient other than the counterparty among them."""
    assert f.amount is not None
    money: dict[str, Any] = {"@type": "MonetaryAmount", "currency": "SEK", **_value(f.amount)}
    if f.year is not None:
        money.update(validFrom=f"{f.year}-01-01", validThrough=f"{f.year}-12-31")
    description = str(f.year) if f.year is not None and f.amount.plain else dates.plain_spaces(f.brief)
    return {"@type": "MonetaryGrant", **funder, "description": description, "amount": money}


def agreement(ctx: BuildContext, a: Agreement) -> dict[str, Any]:
    """The agreement as a schema.org CreativeWork: parties, term and the funding it grants."""
    about = [_partner(ctx, p) for p in ctx.archive.partners_of(a)]
    party = {"funder": _org(a.public_party_named, "GovernmentOrganization")} if a.public_party_named else {}

    def funder(f: Funding) -> dict[str, Any]:
        """Who pays a year's grant: the funder the source names, else the public party (where it is named)."""
        return {"funder": _org(f.funder)} if f.funder else party

    data: dict[str, Any] = {
        "@context": CONTEXT, "@type": "CreativeWork", "name": a.title, "url": ctx.absolute(routes.agreement(a)),
        "inLanguage": "sv", **_coverage(a),  # the public party funds only what `funding` states
        "about": about[0] if len(about) == 1 else about,
        "funding": [_grant(f, funder(f)) for f in a.funding if f.amount is not None],
    }
    if a.date and not isinstance(a.date, dates.Season):  # ISO 8601 at the precision given; a season has none
        data["dateCreated"] = dates.iso(a.date)
    if a.source_urls:
        data["isBasedOn"] = a.source_url if len(a.source_urls) == 1 else a.source_urls
    if not data["funding"]:
        del data["funding"]
    return data
