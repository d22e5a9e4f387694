"""Every generated page, from the Archive: HTML from autoescaping Jinja2 templates in `templates/`, with the
editors' Markdown converted once (pagehtml.py), under YAML front matter (its description).

Plain code: another static-site engine could take `Page.markdown` (a Markdown file whose body is raw HTML) or
`Page.meta`, `Page.html` and `Page.toc` and build the same site.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import groupby
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import citations, dates, feeds, funding, furniture, kinds, pagefile, pagehtml, routes, statement, voice
from .archive import UNDATED_STEPS, AgreementStep, Archive, CaseFile, ListedBy
from .citations import Citation
from .context import BuildContext
from .model import COMPUTED_TOTAL, NOT_STATED, OUTSIDE_INTRO, Agreement, Committee, Matter, Meeting, Partner, Report
from .opendata import chart, dcat, jsonld
from .opendata.datasets import Dataset, Distribution, datasets
from .pagedates import PageDates
from .questions import Fingerprints, Query, Question
from .renewal import CANNOT_TELL

HOME_ITEMS = 5
"""How many meetings and agreements the start page lists, and the newest meetings an overview or a body's page lists."""


@dataclass(frozen=True)
class Rendered:
    """What a build keeps of a page it rendered, for a later build (in memory in the preview, in the build cache
    for `make site`): what the page was made from and asked, and its Markdown."""

    url: str
    title: str
    source: Path | None
    parts: tuple[Path, ...]
    links: frozenset[Path]
    queries: tuple[Query, ...]
    compared: object
    """Page.compared as it was."""
    dates: PageDates
    """The page's 'Publicerad' and 'Uppdaterad' as shown (from its files' history, or the build date)."""
    searchable: str
    """What the search index takes from the page, as a digest (search.searchable)."""

    @property
    def inputs(self) -> set[Path]:
        """Every content file the page depends on: a change to one of them changes the page."""
        return {*([self.source] if self.source else []), *self.parts, *self.links}


@dataclass
class Page:
    """A page to publish: where, its Markdown, the record it shows and the content file it comes from.

    The Markdown is rendered when first asked for: the preview asks only for the pages a change touches.
    """

    url: str
    title: str
    draw: Callable[[Page], str] = field(repr=False, compare=False)
    """Renders the page's Markdown (and fills in `links` while doing so)."""
    source: Path | None = None
    """The page's own content file ('Publicerad': its first commit; see pagedates.py)."""
    parts: tuple[Path, ...] = ()
    """The other files the page is made from: the records it lists (an overview: all of its records)."""
    record: object | None = None
    """The record the page shows (None for an overview page)."""
    links: set[Path] = field(default_factory=set, compare=False)
    """The content files of the records the rendered page links to or was told of by the archive."""
    queries: list[Query] = field(default_factory=list, compare=False)
    """What the rendered page asked the archive (see Query)."""
    compared: object = field(default=(), compare=False)
    """The values the page was given from beyond its files (a meeting's 'old' banner from the build date, the
    archive's years beside a year's page), as compared with a later build's."""
    template: str = field(default="", compare=False)
    """The template the page is rendered from: every page of one template has the same markup around its values."""
    searchable: str = field(default="", compare=False)
    """A kept page's search.searchable, as the earlier build had it."""
    kept: bool = field(default=False, compare=False)
    """Whether the page stays as an earlier build published it (see `reuse`): it is not rendered."""
    drawn: bool = field(default=False, compare=False)
    """Whether this build rendered the page (its HTML may since have been `release`d)."""

    @cached_property
    def markdown(self) -> str:
        """The page as a Markdown file: front matter, then the page's HTML (raw HTML blocks, as Markdown keeps them)."""
        if self.drawn:
            raise RuntimeError(f"{self.url}: the page's HTML was released after it was published")
        self.drawn = True
        return self.draw(self)

    def release(self) -> None:
        """Forget the page's HTML once it is published: a build then holds the page it is writing, not every page
        (what a later build needs of it, `rendered`, stays)."""
        for name in ("markdown", "_parts", "toc"):
            vars(self).pop(name, None)

    @cached_property
    def _parts(self) -> tuple[dict[str, Any], str]:
        return pagefile.split(self.markdown)

    @property
    def meta(self) -> dict[str, Any]:
        """The page's front matter (its description)."""
        return self._parts[0]

    @property
    def html(self) -> str:
        """The page's content as HTML: what an engine shows in its theme, with no Markdown left to convert."""
        return self._parts[1]

    @cached_property
    def toc(self) -> list[dict[str, Any]]:
        """The page's table of contents, as the engine's Markdown `toc` extension reports it."""
        return pagehtml.toc_tokens(self.html)

    def rendered(self, dates: PageDates, searchable: str) -> Rendered | None:
        """What a later build needs to tell whether this page still holds (None: it was never rendered)."""
        if not self.drawn and not self.kept:
            return None
        return Rendered(self.url, self.title, self.source, self.parts, frozenset(self.links), tuple(self.queries),
                        self.compared, dates, searchable)

    def reuse(self, earlier: Rendered) -> None:
        """Keep what an earlier build published of this page, rendered from the same inputs (the engine leaves its
        file as it is); what it was made from and asked stays known for the next build."""
        self.links, self.queries, self.kept = set(earlier.links), [*earlier.queries], True
        self.searchable = earlier.searchable

    def holds(self, earlier: Rendered, changed: set[Path], archive: Archive, today: dt.date, dates: PageDates,
              prints: Fingerprints) -> bool:
        """Whether the `earlier` build's Markdown of this page is still right: same title, files made from, values
        from the build date and `dates`, none of its content files `changed`, and the same answers from the new
        `archive` on `today` to its questions."""
        return ((earlier.title, earlier.source, earlier.parts, earlier.compared, earlier.dates)
                == (self.title, self.source, self.parts, self.compared, dates)
                and not earlier.inputs & changed and all(q.holds(archive, today, prints) for q in earlier.queries))

    @property
    def path(self) -> str:
        return routes.source_path(self.url)

    @property
    def heading(self) -> str:
        """The title as the page's h1 has it (escaped): what an engine that takes a page's title from its first
        heading would find, were the breadcrumb trail not above it."""
        return str(_escaped(self.title))

    @property
    def feeds(self) -> list[feeds.Feed]:
        """The feeds the page announces."""
        return feeds.announced(self.record)


def _escaped(value: Any) -> Any:
    """Autoescape, and a backslash too: values also land in YAML "…" strings (a page's description),
    where `\x3c` would otherwise turn back into `<`."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    escaped = escape(value)
    return Markup(str(escaped).replace("\\", "&#92;")) if "\\" in value else escaped


class _Asked:
    """The archive as one page's template asks it: every question goes through Renderer.ask, which notes it."""

    def __init__(self, ask: Callable[[Question], object], on_day: bool = False) -> None:
        self._ask, self._on_day = ask, on_day

    def __getattr__(self, name: str) -> Any:
        return partial(self._ask_method, name)

    def _ask_method(self, name: str, *args: Any, **kwargs: Any) -> object:
        return self._ask(Question(name, args, tuple(sorted(kwargs.items())), self._on_day))


def _by_body(meetings: list[Meeting], archive: Archive) -> list[tuple[Committee, list[Meeting]]]:
    """Meetings grouped by their body, bodies by name (each group in the order given); a joint meeting in each of its
    bodies' groups (`Meeting.bodies`)."""
    groups: dict[str, list[Meeting]] = {}
    for m in meetings:
        for body_id in m.bodies:  # a meeting whose source names no body is listed apart (the year's page)
            groups.setdefault(body_id, []).append(m)
    return sorted(((archive.committees[c], ms) for c, ms in groups.items()), key=lambda g: g[0].name)


def _per_year(meetings: list[Meeting]) -> list[tuple[int, int]]:
    """Each year of `meetings` (newest first) with its number of meetings."""
    return [(y, len(list(ms))) for y, ms in groupby(meetings, key=_year)]


def _years(archive: Archive) -> list[int]:
    """The years with a page of their own, newest first: those of the dated meetings, and of the decisions taken
    outside a meeting (listed there apart, never counted as meetings)."""
    return sorted({_year(m) for m in [*archive.dated_meetings, *archive.outside_decisions] if m.date is not None},
                  reverse=True)


def _year(meeting: Meeting) -> int:
    """A dated meeting's year (lists by year hold only those: `Archive.dated_meetings`)."""
    assert meeting.date is not None
    return meeting.date.year


ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"
"""The initials partners are listed under, in Swedish order (then routes.OTHER_INITIAL)."""


def _initial(name: str) -> str:
    """The letter a name is listed under: its first letter or digit, upper case, an accent other than Swedish
    Å, Ä, Ö dropped (É: E); a name beginning with a digit or a letter outside A–Ö: routes.OTHER_INITIAL."""
    first = next((ch.upper() for ch in name if ch.isalnum()), "")
    if first in ("Å", "Ä", "Ö"):
        return first
    base = unicodedata.normalize("NFKD", first)[:1]
    return base if base and base in ALPHABET else routes.OTHER_INITIAL


def _by_initial(partners: Iterable[Partner]) -> list[tuple[str, list[Partner]]]:
    """Partners by the initial of their name, A–Ö then the others, each letter's by name."""
    groups: dict[str, list[Partner]] = {}
    for p in sorted(partners, key=lambda p: p.name):
        groups.setdefault(_initial(p.name), []).append(p)
    return sorted(groups.items(), key=lambda g: (g[0] not in ALPHABET, ALPHABET.find(g[0])))


def _letter_title(letter: str) -> str:
    """The title of a letter's page of partners (its link's text on the partners' overview)."""
    return "Partner, övriga namn" if letter == routes.OTHER_INITIAL else f"Partner {letter}"


def _letter_begins(letter: str) -> str:
    """How the names of a letter's page begin, in words: 'på A'."""
    return "med en siffra eller ett annat tecken" if letter == routes.OTHER_INITIAL else f"på {letter}"


def _rows(dataset: Dataset, apart: set[str]) -> tuple[Dataset, list[Distribution], int]:
    """A dataset as the open data page lists it: its files but those `apart` (each linked from its own record's
    page), and how many of its files are apart."""
    listed = [x for x in dataset.distributions if x.route not in apart]
    return dataset, listed, len(dataset.distributions) - len(listed)


@dataclass(frozen=True)
class Decision:
    """A decision as a page shows it: its label, and where it is published (None when it is only cited)."""

    label: str
    url: str | None


@dataclass(frozen=True)
class Crumb:
    """One step of a page's breadcrumb trail: a page's name and where it is."""

    name: str
    url: str


class Renderer:
    """Renders the site's pages; one instance per build."""

    def __init__(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).parent / "templates"),
            autoescape=True, finalize=_escaped, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True, auto_reload=False,  # one Environment per build: no need to stat templates
        )
        self.env.filters.update(date=dates.long_date, at_latest=dates.at_latest, month_year=dates.month_year,
                                kr=dates.kronor, change_kr=dates.change_kronor, change_percent=dates.change_percent)
        self.furniture = furniture.from_settings(ctx.settings)
        self.statement = statement.from_settings(ctx.settings)
        dcat.from_settings(ctx.settings)  # a bad open data setting stops the build here, named, not in the catalogue
        self.env.globals.update(
            archive=ctx.archive, settings=ctx.settings, routes=routes, furniture=self.furniture,
            decision=self.decision, step_decision=self.step_decision, cited_decision=self.cited_decision,
            absolute=ctx.absolute,
            structured_data=self.structured_data,
            voice=voice.of(ctx.archive.committees.values()), not_stated=NOT_STATED, undated_steps=UNDATED_STEPS,
            cannot_tell=CANNOT_TELL, computed_total=COMPUTED_TOTAL, outside_intro=OUTSIDE_INTRO,
        )
        self.env.filters.update(clock=dates.clock)
        self.prints = Fingerprints(ctx.archive)
        """Answers and values from the build date as kept for a later build (questions.py)."""
        self.markdown = pagehtml.Prose()
        """What editors write, as HTML (each text converted once per build)."""
        self.names = {**routes.TITLES, **{routes.body(c): c.name for c in ctx.archive.committees.values()},
                      **{routes.year(y): f"Sammanträden {y}" for y in _years(ctx.archive)},
                      **{routes.funding_year(y): f"Finansiering {y}" for y in ctx.funding.years}}
        """The name of every page a trail passes through: the overview pages and the bodies."""

    # -- helpers the templates call ---------------------------------------------------------

    def url_of(self, record: routes.Published) -> str:
        return routes.page(record, self.ctx.archive)

    def decision(self, record: Matter | Meeting | Citation | None, responsible: Committee | None = None
                 ) -> Decision | None:
        """A decision for display: 'Socialnämnden 11 november 2020, § 167: <title>', linked where it is published;
        a cited one is named by the `responsible` body (an agreement's committee) when it has one."""
        if record is None:
            return None
        return Decision(self.ctx.archive.titled_label(record, responsible), self._published_url(record))

    def _published_url(self, record: Matter | Meeting | Citation | None) -> str | None:
        return None if record is None or isinstance(record, Citation) else self.url_of(record)

    def cited_decision(self, record: Matter | Meeting | Citation | None, body: Committee | None,
                       name: str | None, paragraphs: tuple[int, ...] = (), day_as_given: str | None = None,
                       body_as_given: str | None = None) -> Decision:
        """A decision a report cites (Archive.cited_label), linked where it is published."""
        return Decision(self.ctx.archive.cited_label((record, body, name, paragraphs, day_as_given, body_as_given)),
                        self._published_url(record))

    def step_decision(self, step: AgreementStep) -> Decision:
        """A step's decision for display: as `decision`, or 'Kommunstyrelsen, datum anges inte' (unlinked) where its
        source names only the body."""
        if step.decision is None:
            return Decision(self.ctx.archive.step_decision_label(step), None)
        shown = self.decision(step.decision, step.body)
        assert shown is not None
        return shown

    def structured_data(self, record: Meeting | Agreement) -> Markup:
        """schema.org JSON-LD for a meeting or agreement page."""
        a = self.ctx.archive
        if isinstance(record, Meeting):  # a decision outside a meeting is no event: no Event is said of it
            return jsonld.script(jsonld.meeting(self.ctx, a.sitting_of[record.id])) if not record.outside else Markup()
        return jsonld.script(jsonld.agreement(self.ctx, record))

    def trail(self, url: str, title: str, record: object | None) -> list[Crumb]:
        """The breadcrumb trail from the start page down to this page (routes.parent); none on the start page."""
        if url == routes.HOME:
            return []
        crumbs = [Crumb(title, url)]
        above = routes.parent(url, record if isinstance(record, routes.Published) else None, self.ctx.archive)
        while above is not None:
            crumbs.append(Crumb(self.names[above], above))
            above = routes.parent(above, None, self.ctx.archive)
        return crumbs[::-1]

    # -- prose ------------------------------------------------------------------------------

    def prose(self, markdown: str, page: Page) -> Markup:
        """An editor's Markdown as HTML, with citations of published decisions turned into links."""
        return self.markdown.block(self.cited(markdown, page))

    def prose_inline(self, markdown: str, page: Page) -> Markup:
        """A one-paragraph text as HTML inside an element of the template's (a teaser's lead)."""
        return self.markdown.inline(self.cited(markdown, page))

    def cited(self, markdown: str, page: Page) -> str:
        """An editor's Markdown with citations of published decisions turned into links."""
        def link(match: re.Match[str]) -> str:
            found = [c for m, c in citations.find(match[0]) if m.span() == (0, len(match[0]))]
            if found:  # which decision it is depends on the meetings of that day
                self.ask(page, Question("", (found[0].date,)))
            target = self.ctx.archive.cited(found[0]) if found else None
            if target is None:
                return match[0]
            return f"[{match[0]}]({self.link(page, self.url_of(target))})"
        return citations.PATTERN.sub(link, markdown)

    def link(self, page: Page, target: str) -> str:
        """The relative URL from `page` to `target`, noting the content file of a record's page among its links."""
        page.links.update(self.named_by.get(target.partition("#")[0], ()))
        return routes.relative(page.url, target)

    def ask(self, page: Page, question: Question) -> object:
        """The archive's answer to `question`, noted for `page`: the question and answer, and the records in it
        among its links."""
        found = question(self.ctx.archive, self.ctx.today)
        page.queries.append(Query(question, self.prints(found)))
        self._note(page, found)
        return found

    def _note(self, page: Page, found: object) -> None:
        if isinstance(found, list | tuple):
            for item in found:
                self._note(page, item)
        elif isinstance(found, CaseFile):
            self._note(page, [*found.reports, *found.matters, *found.agreements])
        elif isinstance(found, Matter | Meeting | Agreement | Partner | Report | Committee):
            page.links.update(self.named_by[self.url_of(found).partition("#")[0]])

    @cached_property
    def named_by(self) -> dict[str, list[Path]]:
        """The content files a link to a record's page is named from, by the page's URL: the record's, and an
        agreement's partners' too (a link names an agreement with its parties, Archive.agreement_label)."""
        a = self.ctx.archive
        records: list[Committee | Partner | Meeting | Agreement | Report] = [
            *a.meetings, *a.agreements.values(), *a.partners.values(), *a.reports.values(), *a.committees.values()]
        return {self.url_of(r): self.files([r, *(a.partners_of(r) if isinstance(r, Agreement) else [])])
                for r in records}

    # -- pages ------------------------------------------------------------------------------

    def page(self, template: str, url: str, title: str, source: Path | None = None, parts: Iterable[Path] = (),
             record: object | None = None, compared: dict[str, Any] | None = None, **values: Any) -> Page:
        """A page from its own file `source` and the other files it is made from, `parts` (its dates); its Markdown
        is rendered from `template` when first asked for. The values `compared` come from beyond the page's files
        (the build date, the whole archive): a later build keeps the page only while they are the same."""
        values.update(compared or {})
        def draw(page: Page) -> str:
            def rel(target: str | routes.Published) -> str:
                return self.link(page, target if isinstance(target, str) else self.url_of(target))
            return self.env.get_template(template).render(
                page_url=url, title=title, rel=rel, prose=lambda md: self.prose(md, page),
                prose_inline=lambda md: self.prose_inline(md, page), h=pagehtml.Headings(),
                archive=_Asked(partial(self.ask, page)), today=_Asked(partial(self.ask, page), on_day=True),
                trail=self.trail(url, title, record), **values)
        return Page(url, title, draw, source, tuple(parts), record, compared=self.prints(compared or {}),
                    template=template)

    def files(self, records: Iterable[Committee | Partner | Meeting | Agreement | Report]) -> list[Path]:
        """The content files of `records` (what a page listing them is made from)."""
        return [self.ctx.archive.sources[(kinds.of(r), r.id)].path for r in records]

    def overview(self, template: str, url: str, parts: Iterable[Path], **values: Any) -> Page:
        """An overview page (not a record's), titled by its name in routes.TITLES, made from the files `parts`."""
        return self.page(template, url, routes.TITLES[url], None, parts, **values)

    def all(self) -> list[Page]:
        a, file = self.ctx.archive, self.files

        def own(record: Committee | Partner | Meeting | Agreement | Report) -> Path:
            return file([record])[0]

        def meetings(matters: Iterable[Matter]) -> list[Meeting]:
            return [a.meeting_with(m) for m in matters]

        def renewals(x: Agreement) -> list[Agreement]:
            return [y for y in (a.predecessor(x), a.successor(x)) if y]

        today, rules = self.ctx.today, self.furniture
        pages = [self.page("meeting.html.j2", routes.meeting(m), m.title, own(m), (), m, meeting=m,
                           committee=a.committee_of(m), sitting=a.sitting_of.get(m.id),
                           # the old-meeting banner speaks of its decisions: only where the page reports some;
                           # the minutes note of a meeting held: not of one known only from its agenda; neither
                           # of one whose source gives no date (no day to count from)
                           compared={"stale": m.reports_decisions and m.sort_day is not None
                                     and rules.is_stale(m.sort_day, today),
                                     "minutes_pending": not m.agenda_only and not m.outside and m.sort_day is not None
                                     and rules.minutes_pending_on(m.sort_day, today)})
                 for m in a.meetings]
        pages += [self.page("agreement.html.j2", routes.agreement(x), x.title, own(x),
                            file([*meetings(a.matters_about(x)), *renewals(x), *a.case_file(x.case_number).reports]),
                            x, agreement=x, partners=a.partners_of(x))
                  for x in a.agreements.values()]
        pages += [self.page("partner.html.j2", routes.partner(p), p.name, own(p),
                            file([*a.agreements_of(p), *meetings(a.matters_about(p))]), p, partner=p)
                  for p in a.partners.values()]
        pages += [self.page("report.html.j2", routes.report(r), r.title, own(r),
                            file([*meetings((case := a.case_file(r.case_number)).matters), *case.agreements]),
                            r, report=r)
                  for r in a.reports.values()]
        bodies = sorted(a.committees.values(), key=lambda c: c.name)
        pages += [self.page("body.html.j2", routes.body(c), c.name, own(c), file([*a.meetings_of(c),
                            *a.outside_of(c), *a.agreements_under(c)]), c, body=c, outside=a.outside_of(c),
                            latest=(ms := a.dated_meetings_of(c))[:HOME_ITEMS],
                            years=_per_year(ms), undated=a.undated_meetings(c),
                            compared={"sittings": a.upcoming_of(c, today)}) for c in bodies]
        pages.append(self.overview("bodies.html.j2", routes.BODIES, file(bodies), bodies=bodies))
        pages += self.meeting_overviews()
        pages += self.agreement_overviews()
        letters = _by_initial(a.partners.values())
        pages.append(self.overview("partners.html.j2", routes.PARTNERS, file(a.partners.values()),
                                   letters=[(routes.partners_letter(x), _letter_title(x), len(ps))
                                            for x, ps in letters]))
        pages += [self.page("partners-letter.html.j2", routes.partners_letter(x), _letter_title(x), None,
                            file([*ps, *(y for p in ps for y in a.agreements_of(p))]), begins=_letter_begins(x),
                            partners=ps) for x, ps in letters]
        reports = sorted(a.reports.values(), key=lambda r: r.date, reverse=True)
        by_year = [(y, list(rs)) for y, rs in groupby(reports, key=lambda r: r.date.year)]
        pages.append(self.overview("reports.html.j2", routes.REPORTS, file(reports), latest=reports[:HOME_ITEMS],
                                   years=[(y, len(rs)) for y, rs in by_year]))
        pages += [self.page("reports-year.html.j2", routes.reports_year(y), f"Tjänsteskrivelser {y}", None, file(rs),
                            year=y, reports=rs, compared={"years": [y for y, _ in by_year]}) for y, rs in by_year]
        return pages + self.open_data_pages()

    def meeting_overviews(self) -> list[Page]:
        """The meetings as a navigator whose every page stays short at any size of the archive: the overview (the
        newest meetings and the years, each with its number of meetings), a page per year (its bodies, each with its
        number of meetings) and a page per body and year (its meetings with their matters)."""
        a, file = self.ctx.archive, self.files
        dated = a.dated_meetings
        by_year = {y: list(ms) for y, ms in groupby(dated, key=_year)}
        counted = dict(_per_year(dated))
        pages = [self.overview("meetings.html.j2", routes.MEETINGS, file(a.meetings), latest=dated[:HOME_ITEMS],
                               years=[(y, counted.get(y, 0)) for y in _years(a)], undated=a.undated_meetings(),
                               bodiless=a.bodiless_meetings(), outside=a.outside_decisions)]
        for y in _years(a):
            held, outside = by_year.get(y, []), a.outside_in(y)
            bodies = _by_body(held, a)
            pages.append(self.page("year.html.j2", routes.year(y), self.names[routes.year(y)], None,
                                   file([*held, *outside]), year=y, bodies=[(c, len(ms)) for c, ms in bodies],
                                   bodiless=[m for m in held if m.bodiless], outside=outside))
            pages += [self.page("year-body.html.j2", routes.year_body(y, c), f"{c.name}: sammanträden {y}", None,
                                file([c, *ms]), year=y, body=c, meetings=ms) for c, ms in bodies]
        return pages

    def agreement_overviews(self) -> list[Page]:
        """The agreements: the overview (every year's number, every body's and of those how many are in force) and a
        page per year in which agreements begin."""
        a, file, today = self.ctx.archive, self.files, self.ctx.today
        every = sorted(a.agreements.values(), key=a.in_list_order)
        by_year: dict[int | None, list[Agreement]] = {}
        sections: dict[int, dict[ListedBy, list[Agreement]]] = {}
        for x in every:
            listed = a.listed_under(x)
            by_year.setdefault(listed[0] if listed else None, []).append(x)
            if listed:
                sections.setdefault(listed[0], {}).setdefault(listed[1], []).append(x)
        years = sorted((y for y in by_year if y is not None), reverse=True)
        bodies = sorted(a.committees.values(), key=lambda c: c.name)
        def counted(xs: list[Agreement]) -> str:
            return dates.status_counts(a.status_of(x, today) for x in xs)
        page = self.overview("agreements.html.j2", routes.AGREEMENTS, file([*every, *a.partners.values()]),
                             every=len(every), compared={
                                 "statuses": counted(every),
                                 "bodies": [(c, len(xs), counted(xs)) for c in bodies
                                            if (xs := a.agreements_under(c))]},
                             years=[(y, len(by_year[y])) for y in years], undated=by_year.get(None, []))
        return [page, *(self.page("agreements-year.html.j2", routes.agreements_year(y), f"Överenskommelser {y}",
                                  None, file([*by_year[y], *(p for x in by_year[y] for p in a.partners_of(x))]),
                                  year=y, sections=[(by.heading(y), by.name.lower(), sections[y][by])
                                                    for by in ListedBy if by in sections[y]],
                                  compared={"years": years}) for y in years)]

    def open_data_pages(self) -> list[Page]:
        """Planned meetings, the funding overview, the list of datasets and the accessibility statement."""
        a = self.ctx.archive
        table = self.ctx.funding
        committees = sorted(a.committees.values(), key=lambda c: c.name)
        everything = [doc.path for doc in a.sources.values()]
        each = {routes.agreement_json(x) for x in a.agreements.values()}
        """Every agreement's own data file: linked from its page, one row for all of them on the open data page."""
        return [
            self.overview("upcoming.html.j2", routes.UPCOMING, self.files(committees),
                          compared={"sittings": a.upcoming(self.ctx.today)}, committees=committees),
            self.overview("funding.html.j2", routes.FUNDING, self.files([*a.agreements.values(), *a.partners.values()]),
                          table=table, chart=chart.svg(table, "finansiering"), bodies=committees),
            *self.funding_years(),
            self.overview("open-data.html.j2", routes.OPEN_DATA, everything,
                          datasets=[_rows(d, each) for d in datasets(self.ctx)]),
            self.page("statement.html.j2", routes.STATEMENT, routes.TITLES[routes.STATEMENT], statement.CONFIG,
                      statement=self.statement),
        ]

    def funding_years(self) -> list[Page]:
        """A page per year of funding (its total by the body responsible, and partner by partner the grants of no
        body) and a page per year and body (its grants partner by partner)."""
        a, table = self.ctx.archive, self.ctx.funding

        def made_of(grants: list[funding.Grant]) -> list[Path]:
            return self.files([*{g.agreement.id: g.agreement for g in grants}.values(),
                               *{p.id: p for g in grants for p in g.parties.members}.values()])
        pages = []
        for y in table.years:
            grants = table.in_year(y)
            by_body: dict[str | None, list[funding.Grant]] = {}
            for g in grants:
                by_body.setdefault(g.agreement.committee, []).append(g)
            bodies = sorted(((a.committees[c], gs) for c, gs in by_body.items() if c is not None),
                            key=lambda b: b[0].name)
            pages.append(self.page("funding-year.html.j2", routes.funding_year(y), self.names[routes.funding_year(y)],
                                   None, made_of(grants), year=y, total=table.year_total(y),
                                   compared={"years": table.years},
                                   bodies=[(c, funding.summed(gs), len(gs)) for c, gs in bodies],
                                   unassigned=(none := by_body.get(None, [])), total_unassigned=funding.summed(none)))
            pages += [self.page("funding-year-body.html.j2", routes.funding_year_body(y, c),
                                f"Finansiering {y}: {c.name}", None, made_of(gs), year=y, body=c, grants=gs,
                                total=funding.summed(gs)) for c, gs in bodies]
        return pages

    @cached_property
    def home(self) -> Page:
        """The start page's generated part (the newest meetings and the newest agreements whatever their
        status); the start page itself is hand-written (content/index.md), this is made from what it lists."""
        a, today = self.ctx.archive, self.ctx.today
        latest = a.dated_meetings[:HOME_ITEMS]

        def recency(x: Agreement) -> dt.date:
            """An agreement without a term by its own dates, else by the day it was first published here."""
            return a.agreement_day(x) or self.ctx.span(a.sources[(kinds.AGREEMENT, x.id)].path).first.date()

        newest = sorted(a.agreements.values(), key=recency, reverse=True)[:HOME_ITEMS]
        # 'none is in force' only where that is known: an agreement without a stated term may be
        return self.page("home.html.j2", routes.HOME, "", None, self.files([*latest, *newest]), latest=latest,
                         newest=newest,
                         compared={"any_in_force": any(a.status_of(x, today).may_be_in_force
                                                    for x in a.agreements.values())})

    def home_sections(self) -> str:
        return self.home.html
