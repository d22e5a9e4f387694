"""Where everything is published: the one map from a record to its page, data file, feed, calendar and OParl id.

Every path is relative to the site root (no leading '/'); pages are directory-style ('a/b/'). Callers ask
by record and never parse a path back into an id.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import kinds
from .archive import Archive
from .kinds import Kind
from .model import Agreement, Committee, Matter, Meeting, Partner, Report

Published = Matter | Meeting | Agreement | Partner | Report | Committee
"""A record with a page (a matter's is a section of its meeting's page)."""

# -- pages -------------------------------------------------------------------------------------------

HOME = ""
MEETINGS = "sammantraden/"
AGREEMENTS = "overenskommelser/"
PARTNERS = "partner/"
REPORTS = "tjansteskrivelser/"
UPCOMING = "sammantraden/kommande/"
"""Planned meetings (Kommande sammanträden)."""
FUNDING = "finansiering/"
"""Funding per year and partner."""
OPEN_DATA = "oppna-data/"
"""Every dataset with its format and licence."""
BODIES = "namnder/"
"""Every decision-making body (nämnd, styrelse, kommunfullmäktige)."""
STATEMENT = "tillganglighetsredogorelse/"
"""The accessibility statement (tillgänglighetsredogörelse), linked from every page's footer."""

TITLES = {
    HOME: "Startsida", MEETINGS: "Sammanträden och beslut", UPCOMING: "Kommande sammanträden",
    AGREEMENTS: "Överenskommelser", PARTNERS: "Partner", REPORTS: "Tjänsteskrivelser", BODIES: "Nämnder och styrelser",
    FUNDING: "Finansiering per år och partner", OPEN_DATA: "Öppna data", STATEMENT: "Tillgänglighetsredogörelse",
}
"""The name of each page that is not a record's: its title, and its name in every breadcrumb trail."""


def body(c: Committee) -> str:
    return _body(c.id)


def _body(id: str) -> str:
    return f"{BODIES}{id}/"


def meeting(m: Meeting) -> str:
    return _meeting(m.id)  # its date and body


def _meeting(id: str) -> str:
    return f"{MEETINGS}{id}/"


def matter(m: Meeting, x: Matter) -> str:
    """A matter is a section of its meeting's page."""
    return f"{meeting(m)}#{x.id}"


def year(y: int) -> str:
    """A year's meetings, by body (each body's list of the year a page of its own, `year_body`)."""
    return f"{MEETINGS}{y}/"


OUTSIDE_ANCHOR = "utanfor-sammantraden"
"""The id of the list 'Beslut utanför sammanträden' on the year, body and meetings pages."""


def outside_list(m: Meeting) -> str:
    """Where a decision taken outside a meeting is listed with the others: its year's page, else (no date) its body's
    page, else (no body either) the meetings overview."""
    if m.date is not None:
        return f"{year(m.date.year)}#{OUTSIDE_ANCHOR}"
    return f"{_body(m.committee) if m.committee else MEETINGS}#{OUTSIDE_ANCHOR}"


def year_body(y: int, c: Committee) -> str:
    """One body's meetings of one year, with their matters: the unit the meetings overview leads to."""
    return f"{year(y)}{c.id}/"


def agreements_year(y: int) -> str:
    """The agreements whose term (else date) begins in year `y`."""
    return f"{AGREEMENTS}{y}/"


def reports_year(y: int) -> str:
    """The officers' reports dated in year `y`."""
    return f"{REPORTS}{y}/"


def funding_year(y: int) -> str:
    """One year's funding, body by body (each body's a page of its own, `funding_year_body`)."""
    return f"{FUNDING}{y}/"


PARTNER_LETTERS = f"{PARTNERS}bokstav/"
"""The partners by the initial of their name, a page per letter (a partner's own page is one level up)."""
OTHER_INITIAL = "#"
"""The initial of a name that begins with a digit or another sign than a letter A–Ö."""
_LETTERS = {"Å": "aa", "Ä": "ae", "Ö": "oe", OTHER_INITIAL: "ovriga"}


def partners_letter(letter: str) -> str:
    """The partners whose name begins with `letter` (A–Ö, or OTHER_INITIAL: a digit or another sign)."""
    return f"{PARTNER_LETTERS}{_LETTERS.get(letter, letter.lower())}/"


def funding_year_body(y: int, c: Committee) -> str:
    """One year's funding of the agreements a body is responsible for, partner by partner."""
    return f"{funding_year(y)}{c.id}/"


def agreement(a: Agreement) -> str:
    return _agreement(a.id)


def _agreement(id: str) -> str:
    return f"{AGREEMENTS}{id}/"


def partner(p: Partner) -> str:
    return _partner(p.id)


def _partner(id: str) -> str:
    return f"{PARTNERS}{id}/"


def report(r: Report) -> str:
    return _report(r.id)


def _report(id: str) -> str:
    return f"{REPORTS}{id}/"


def page(record: Published, archive: Archive) -> str:
    """The page of any record with one."""
    if isinstance(record, Matter):
        return matter(archive.meeting_with(record), record)
    if isinstance(record, Meeting):
        return meeting(record)
    if isinstance(record, Agreement):
        return agreement(record)
    if isinstance(record, Partner):
        return partner(record)
    if isinstance(record, Committee):
        return body(record)
    return report(record)


def parent(url: str, record: Published | None, archive: Archive) -> str | None:
    """The page above a page in its breadcrumb trail: a meeting's body, else the folder the page is published in
    (a year's meetings: the meetings; an agreement: the agreements; a letter's partners: the partners); the start
    page has none."""
    if isinstance(record, Meeting):
        held_by = archive.committee_of(record)  # a meeting whose source names no body: via the meetings overview
        return body(held_by) if held_by else MEETINGS
    if url == HOME:
        return None
    if url.startswith(PARTNER_LETTERS):  # a letter's page: there is no page of the letters between
        return PARTNERS
    folder = url.rstrip("/").rpartition("/")[0]
    return f"{folder}/" if folder else HOME


INDEXES = (MEETINGS, AGREEMENTS, PARTNERS, REPORTS, BODIES)
"""Pages whose folder holds other pages: their source is the folder's index.md."""


def source_path(url: str) -> str:
    """The Markdown source path an engine builds `url` from: 'a/b/' -> 'a/b.md', '' -> 'index.md'."""
    if url == HOME:
        return "index.md"
    path = url.rstrip("/")
    return f"{path}/index.md" if url in INDEXES else f"{path}.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from one page to another page (a fragment may follow) or file, valid under any base path."""
    target, _, fragment = to_url.partition("#")
    start, parts = from_url.split("/"), target.split("/")  # site-root URLs: no '.', '..' or leading '/'
    start, parts = [p for p in start if p], [p for p in parts if p]
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(start) - common) + parts[common:])
    rel = rel + ("/" if target.endswith("/") or not target else "") if rel else "./"
    return f"{rel}#{fragment}" if fragment else rel


# -- feeds and calendars -----------------------------------------------------------------------------
# Feeds lie at the site's root (pages announce them with rel="alternate feed": see site_src/main.html).

MEETINGS_FEED = "sammantraden.xml"


def partner_feed(p: Partner) -> str:
    return _partner_feed(p.id)


def _partner_feed(id: str) -> str:
    return f"partner-{id}.xml"


def body_feed(c: Committee) -> str:
    return _body_feed(c.id)


def _body_feed(id: str) -> str:
    return f"namnd-{id}.xml"


def calendar(c: Committee) -> str:
    return _calendar(c.id)


def _calendar(id: str) -> str:
    return f"kalender/{id}.ics"


# -- our own datasets --------------------------------------------------------------------------------

AGREEMENTS_CSV = "data/overenskommelser.csv"
FUNDING_CSV = "data/finansiering.csv"
AGREEMENTS_JSON = "data/overenskommelser.json"
"""Every agreement's record in one file."""
MATTERS_JSON = "data/arenden.json"
"""Every matter of every published meeting, in one file."""
MATTERS_CSV = "data/arenden.csv"


def agreement_json(a: Agreement) -> str:
    return _agreement_json(a.id)


def _agreement_json(id: str) -> str:
    return f"data/overenskommelser/{id}.json"


CATALOGUE_RDF = "data/katalog.rdf"
"""The DCAT-AP-SE catalogue of the datasets, for dataportal.se to harvest (RDF/XML); also as Turtle:"""
CATALOGUE_TTL = "data/katalog.ttl"


# -- OParl 1.1: every object a file whose id is its own absolute URL ---------------------------------

OPARL = "oparl/"
OPARL_SYSTEM = f"{OPARL}system.json"
"""The OParl entry point."""
OPARL_BODIES = f"{OPARL}bodies"
OPARL_BODY = f"{OPARL}body.json"


def oparl_list(name: str, page: int = 1) -> str:
    """Page `page` of an object list `name` (e.g. 'body/meetings'): name.json, name-2.json, …"""
    return f"{OPARL}{name}.json" if page == 1 else f"{OPARL}{name}-{page}.json"


def oparl_body_list(name: str) -> str:
    """The list name of one of the body's object lists, e.g. 'meetings' -> 'body/meetings'."""
    return f"body/{name}"


def oparl_committee(c: Committee) -> str:
    return _oparl_committee(c.id)


def _oparl_committee(id: str) -> str:
    return f"{OPARL}organization/namnd-{id}.json"


def oparl_committee_meetings(c: Committee) -> str:
    """The list name of a committee's meetings (see `oparl_list`)."""
    return f"organization/namnd-{c.id}/meetings"


def oparl_partner(p: Partner) -> str:
    return _oparl_partner(p.id)


def _oparl_partner(id: str) -> str:
    return f"{OPARL}organization/partner-{id}.json"


def oparl_meeting(sitting_id: str) -> str:
    return f"{OPARL}meeting/{sitting_id}.json"


def oparl_agenda_item(x: Matter) -> str:
    return f"{OPARL}agenda-item/{x.id}.json"


def oparl_paper_key(record: Agreement | Report | Matter) -> str:
    """A paper's name among all papers: agreements, reports and the decisions taken outside a meeting (a matter's
    Paper, `Meeting.outside`) share the folder."""
    if isinstance(record, Matter):
        return f"beslut-{record.id}"
    return _paper_key(kinds.of(record), record.id)


def _paper_key(kind: Kind, id: str) -> str:
    return f"overenskommelse-{id}" if kind is kinds.AGREEMENT else f"tjansteskrivelse-{id}"


def oparl_paper(record: Agreement | Report | Matter) -> str:
    return f"{OPARL}paper/{oparl_paper_key(record)}.json"


def _oparl_paper(kind: Kind, id: str) -> str:
    return f"{OPARL}paper/{_paper_key(kind, id)}.json"


def oparl_consultation(x: Matter, paper: Agreement | Report | Matter) -> str:
    return f"{OPARL}consultation/{x.id}--{oparl_paper_key(paper)}.json"


def oparl_file(name: str) -> str:
    return f"{OPARL}file/{name}.json"


def oparl_location(name: str) -> str:
    return f"{OPARL}location/{name}.json"


# -- addresses once published: a renamed or deleted record's (addresses.py) ---------------------------

REDIRECTS = "_redirects"
"""Moved and removed addresses for hosts that read Netlify's format (Netlify, Cloudflare Pages)."""
NGINX_MAP = "redirects.nginx.map"
"""The same as an nginx `map` (the cron set-up: docs/build-and-deployment.md)."""


@dataclass(frozen=True)
class Address:
    """One address a record publishes: a page (directory-style) or a data file; `oparl` for an OParl object."""

    path: str
    page: bool = False
    oparl: bool = False


def addresses(kind: Kind, id: str) -> list[Address]:
    """Every address a record of `kind` with file name `id` publishes of its own, its page first, in the same order
    for every record of a kind: a renamed record's old addresses pair with its new ones. A matter's section moves with
    its meeting's page; its OParl objects are named by the matter's own id, which a rename of the file keeps."""
    if kind is kinds.COMMITTEE:
        return [Address(_body(id), page=True), Address(_body_feed(id)), Address(_calendar(id)),
                Address(_oparl_committee(id), oparl=True)]
    if kind is kinds.PARTNER:
        return [Address(_partner(id), page=True), Address(_partner_feed(id)), Address(_oparl_partner(id), oparl=True)]
    if kind is kinds.MEETING:
        return [Address(_meeting(id), page=True), Address(oparl_meeting(id), oparl=True)]
    if kind is kinds.AGREEMENT:
        return [Address(_agreement(id), page=True), Address(_agreement_json(id)),
                Address(_oparl_paper(kind, id), oparl=True)]
    return [Address(_report(id), page=True), Address(_oparl_paper(kind, id), oparl=True)]
