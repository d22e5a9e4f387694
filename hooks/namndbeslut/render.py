"""Every generated page as Markdown (with escaped HTML where tables need it), from the Archive.

Plain code over Jinja2 templates in `templates/`: another static-site engine could call
`site_pages()` and build the same site.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import citations, dates, feeds, furniture, urls
from .archive import Archive
from .citations import Citation
from .model import Agreement, Matter, Meeting, Partner, Report
from .opendata import chart, funding, jsonld, paths


@dataclass
class Page:
    """A page to publish: where, its Markdown, and which content file it comes from."""

    url: str
    title: str
    markdown: str
    source: Path | None = None
    """The content file the page is made from (for 'Uppdaterad')."""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return urls.source_path(self.url)


def _escaped(value: Any) -> Any:
    """Autoescape, and a backslash too: values also land in YAML "…" strings (a page's description),
    where `\x3c` would otherwise turn back into `<`."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    escaped = escape(value)
    return Markup(str(escaped).replace("\\", "&#92;")) if "\\" in value else escaped


@dataclass
class Context:
    """What every template may read."""

    archive: Archive
    today: dt.date
    settings: dict[str, Any] = field(default_factory=dict)
    """Site settings (links, texts) from the engine's configuration."""
    site_url: str = ""
    """The site's absolute URL, ending in '/': the base of data ids and structured data."""


class Renderer:
    """Renders the site's pages; one instance per build."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).parent / "templates"),
            autoescape=True, finalize=_escaped, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True, auto_reload=False,  # one Environment per build: no need to stat templates
        )
        self.env.filters.update(date=dates.long_date, month_year=dates.month_year, kr=dates.kronor)
        self.furniture = furniture.from_settings(ctx.settings)
        self.env.globals.update(
            archive=ctx.archive, today=ctx.today, settings=ctx.settings, urls=urls, feeds=feeds, furniture=self.furniture,
            status=self.status, decision=self.decision, url_of=self.url_of, term=self.term_label,
            funding_total=self.funding_total,
        )
        self.env.globals.update(data=paths, data_url=lambda path: ctx.site_url + path,
                                structured_data=self.structured_data)

    # -- helpers the templates call ---------------------------------------------------------

    def status(self, agreement: Agreement) -> dates.Status:
        return dates.status(agreement.term.first_day, agreement.term.last_day, self.ctx.today)

    def url_of(self, record: Any) -> str:
        """The URL of any record (a matter's is its meeting page with an anchor)."""
        if isinstance(record, Matter):
            return f"{urls.meeting(self.ctx.archive.meeting_of[record.id])}#{record.id}"
        if isinstance(record, Meeting):
            return urls.meeting(record)
        if isinstance(record, Agreement):
            return urls.agreement(record)
        if isinstance(record, Partner):
            return urls.partner(record)
        if isinstance(record, Report):
            return urls.report(record)
        raise TypeError(record)

    def decision(self, record: Matter | Meeting | Citation | None) -> dict[str, Any] | None:
        """A decision for display: label, and URL where it is published."""
        if record is None:
            return None
        if isinstance(record, Citation):
            return {"label": f"Beslut {record}", "url": None}
        meeting = self.ctx.archive.meeting_of[record.id] if isinstance(record, Matter) else record
        paras = ", ".join(map(str, record.paragraphs)) if isinstance(record, Matter) else ""
        label = f"{meeting.date.isoformat()}{' § ' + paras if paras else ''}"
        name = self.ctx.archive.committees[meeting.committee].name
        title = f": {record.title}" if isinstance(record, Matter) else ""
        return {"label": f"{name} {label}{title}", "url": self.url_of(record)}

    @staticmethod
    def term_label(agreement: Agreement) -> str:
        t = agreement.term
        if isinstance(t.start, int) and isinstance(t.end, int):
            return f"{t.start}–{t.end}"
        return f"{dates.long_date(t.first_day)} – {dates.long_date(t.last_day)}"

    @staticmethod
    def funding_total(agreement: Agreement) -> int | None:
        amounts = [f.amount for f in agreement.funding if f.amount is not None]
        return sum(amounts) if amounts else None

    def structured_data(self, record: Meeting | Agreement) -> Markup:
        """schema.org JSON-LD for a meeting or agreement page."""
        a, base = self.ctx.archive, self.ctx.site_url
        if isinstance(record, Meeting):
            return jsonld.script(jsonld.meeting(a, a.sitting_of[record.id], base, self.ctx.settings.get("municipality", "")))
        return jsonld.script(jsonld.agreement(a, record, base))

    # -- prose ------------------------------------------------------------------------------

    def prose(self, markdown: str, page_url: str) -> Markup:
        """An editor's Markdown with citations of published decisions turned into links."""
        def link(match: re.Match[str]) -> str:
            found = [c for m, c in citations.find(match[0]) if m.span() == (0, len(match[0]))]
            target = self.ctx.archive.cited(found[0]) if found else None
            if target is None:
                return match[0]
            return f"[{match[0]}]({urls.relative(page_url, self.url_of(target))})"
        return Markup(citations.PATTERN.sub(link, markdown))

    # -- pages ------------------------------------------------------------------------------

    def page(self, template: str, url: str, title: str, source: Path | None = None, date: dt.date | None = None,
             **values: Any) -> Page:
        """Render one page; `date` is the record's own date, for 'Uppdaterad' where git has none."""
        rel = lambda target: urls.relative(url, target if isinstance(target, str) else self.url_of(target))
        markdown = self.env.get_template(template).render(
            page_url=url, title=title, rel=rel, prose=lambda md: self.prose(md, url), **values)
        return Page(url, title, markdown, source, {"date": date} if date else {})

    def all(self) -> list[Page]:
        a = self.ctx.archive
        src = lambda kind, id: a.sources[(kind, id)].path
        today, rules = self.ctx.today, self.furniture
        pages = [self.page("meeting.md.j2", urls.meeting(m), m.title, src("meeting", m.id), m.date, meeting=m,
                           committee=a.committees[m.committee], stale=rules.is_stale(m.date, today),
                           minutes_pending=rules.minutes_pending_on(m.date, today))
                 for m in a.meetings]
        pages += [self.page("agreement.md.j2", urls.agreement(x), x.title, src("agreement", x.id), x.date or x.signed,
                            agreement=x, partner=a.partners[x.partner]) for x in a.agreements.values()]
        pages += [self.page("partner.md.j2", urls.partner(p), p.name, src("partner", p.id), partner=p)
                  for p in a.partners.values()]
        pages += [self.page("report.md.j2", urls.report(r), r.title, src("report", r.id), r.date, report=r)
                  for r in a.reports.values()]
        by_year = [(y, list(ms)) for y, ms in groupby(a.meetings, key=lambda m: m.date.year)]
        pages.append(self.page("meetings.md.j2", urls.MEETINGS, "Sammanträden och beslut", years=by_year))
        pages += [self.page("year.md.j2", urls.year(y), f"Sammanträden {y}", year=y, meetings=ms) for y, ms in by_year]
        pages.append(self.page("agreements.md.j2", urls.AGREEMENTS, "Överenskommelser",
                               agreements=sorted(a.agreements.values(), key=lambda x: (a.partners[x.partner].name, x.term.first_day))))
        pages.append(self.page("partners.md.j2", urls.PARTNERS, "Partner",
                               partners=sorted(a.partners.values(), key=lambda p: p.name)))
        return pages + self.open_data_pages()

    def open_data_pages(self) -> list[Page]:
        """Planned meetings, the funding overview and the list of datasets."""
        a = self.ctx.archive
        table = funding.table(a)
        committees = sorted(a.committees.values(), key=lambda c: c.name)
        return [
            self.page("upcoming.md.j2", paths.UPCOMING, "Kommande sammanträden", sittings=a.upcoming(self.ctx.today),
                      committees=committees),
            self.page("funding.md.j2", paths.FUNDING, "Finansiering per år och partner", table=table,
                      chart=chart.svg(table, "finansiering")),
            self.page("open-data.md.j2", paths.OPEN_DATA, "Öppna data", committees=committees,
                      agreements=sorted(a.agreements.values(), key=lambda x: x.id)),
        ]

    def home_sections(self) -> str:
        """The start page's generated part: latest meetings and agreements in force."""
        a = self.ctx.archive
        in_force = [x for x in a.agreements.values() if self.status(x) is dates.Status.IN_FORCE]
        return self.page("home.md.j2", urls.HOME, "", latest=a.meetings[:5],
                         in_force=sorted(in_force, key=lambda x: a.partners[x.partner].name)).markdown
