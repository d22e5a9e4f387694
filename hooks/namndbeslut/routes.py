"""Where everything is published: the one map from a record to its page, data file, feed, calendar and OParl id.

Every path is relative to the site root (no leading '/'); pages are directory-style ('a/b/'). Callers ask
by record and never parse a path back into an id.
"""

from __future__ import annotations

from .archive import Archive
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
    return f"{BODIES}{c.id}/"


def meeting(m: Meeting) -> str:
    return f"{MEETINGS}{m.date.isoformat()}-{m.committee}/"


def matter(m: Meeting, x: Matter) -> str:
    """A matter is a section of its meeting's page."""
    return f"{meeting(m)}#{x.id}"


def year(y: int) -> str:
    """A year's meetings, by body (each body's list of the year a page of its own, `year_body`)."""
    return f"{MEETINGS}{y}/"


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
    """One year's funding, partner by partner."""
    return f"{FUNDING}{y}/"


def agreement(a: Agreement) -> str:
    return f"{AGREEMENTS}{a.id}/"


def partner(p: Partner) -> str:
    return f"{PARTNERS}{p.id}/"


def report(r: Report) -> str:
    return f"{REPORTS}{r.id}/"


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
    (a year's meetings: the meetings; an agreement: the agreements); the start page has none."""
    if isinstance(record, Meeting):
        return body(archive.committee_of(record))
    if url == HOME:
        return None
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
    return f"partner-{p.id}.xml"


def body_feed(c: Committee) -> str:
    return f"namnd-{c.id}.xml"


def calendar(c: Committee) -> str:
    return f"kalender/{c.id}.ics"


# -- our own datasets --------------------------------------------------------------------------------

AGREEMENTS_CSV = "data/overenskommelser.csv"
FUNDING_CSV = "data/finansiering.csv"
AGREEMENTS_JSON = "data/overenskommelser.json"
"""Every agreement's record in one file."""


def agreement_json(a: Agreement) -> str:
    return f"data/overenskommelser/{a.id}.json"


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
    return f"{OPARL}organization/namnd-{c.id}.json"


def oparl_committee_meetings(c: Committee) -> str:
    """The list name of a committee's meetings (see `oparl_list`)."""
    return f"organization/namnd-{c.id}/meetings"


def oparl_partner(p: Partner) -> str:
    return f"{OPARL}organization/partner-{p.id}.json"


def oparl_meeting(sitting_id: str) -> str:
    return f"{OPARL}meeting/{sitting_id}.json"


def oparl_agenda_item(x: Matter) -> str:
    return f"{OPARL}agenda-item/{x.id}.json"


def oparl_paper_key(record: Agreement | Report) -> str:
    """A paper's name among all papers: agreements and reports share the folder."""
    return f"overenskommelse-{record.id}" if isinstance(record, Agreement) else f"tjansteskrivelse-{record.id}"


def oparl_paper(record: Agreement | Report) -> str:
    return f"{OPARL}paper/{oparl_paper_key(record)}.json"


def oparl_consultation(x: Matter, paper: Agreement | Report) -> str:
    return f"{OPARL}consultation/{x.id}--{oparl_paper_key(paper)}.json"


def oparl_file(name: str) -> str:
    return f"{OPARL}file/{name}.json"


def oparl_location(name: str) -> str:
    return f"{OPARL}location/{name}.json"
