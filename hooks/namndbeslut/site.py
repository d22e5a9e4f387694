"""One build's worth of work, independent of the engine: load, validate, render every page."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import addresses, dates, feeds, frontmatter, kinds, loader, pagedates, publishing, search
from .archive import Archive
from .context import BuildContext
from .errors import ContentError
from .opendata import DataFile, data_files
from .render import Page, Rendered, Renderer


@dataclass(frozen=True)
class Earlier:
    """What one build leaves the next: its setting, the content files it was made from (by digest) and its
    pages as rendered. The preview keeps it in memory; `make site` keeps it in the build cache (cache.py)."""

    setting: tuple[object, ...]
    """What every page may show besides its content files' and its questions': the settings and the address."""
    files: dict[Path, str]
    """Each content file's digest."""
    pages: dict[str, Rendered]
    """Each rendered page by its source path."""
    data: dict[str, str] = field(default_factory=dict)
    """Each data file's digest, by its path in the site (none when the build left the data files as they were)."""


@dataclass
class Site:
    """Everything a build publishes, computed once."""

    archive: Archive
    today: dt.date
    pages: list[Page]
    renderer: Renderer
    changed: set[Path] | None = None
    """The content files that differ from the `earlier` site this one was built after (None: built afresh)."""
    addresses: addresses.Addresses = field(default_factory=addresses.Addresses)
    """Addresses once published that no record has now: where they lead, or why they are gone."""
    register_written: bool = False
    """Whether this build wrote the address register (addresses.yml): it learnt a rename or removal from history."""
    setting: tuple[object, ...] = ()
    """What a later build must share with this one to take its pages (Earlier.setting)."""
    data_before: dict[str, str] = field(default_factory=dict)
    """The data files' digests in the output this build is made over (Earlier.data)."""

    @classmethod
    def build(cls, root: Path, settings: dict[str, Any] | None = None, today: dt.date | None = None,
              site_url: str = "", publish: bool = False, earlier: Earlier | None = None,
              reads: loader.Reads | None = None) -> Site:
        """Load `root`'s content (raising ContentError on any problem) and make its pages (each rendered when the
        engine writes it, and let go once written: Site.published).

        `site_url` is the site's absolute URL: open data names every object by its absolute URL.
        A build to `publish` also refuses placeholders (publishing.py). After an `earlier` build of the same
        settings and day (the preview's), a page whose content files are unchanged keeps its Markdown, and
        `reads` spares reading files again.
        """
        try:
            return cls._build(root, settings, today, site_url, publish, earlier, reads)
        except ContentError as err:  # a setting's problem names its line in mkdocs.yml, as a record's names its own
            raise ContentError(frontmatter.in_settings(err.problems, root)) from None

    @classmethod
    def _build(cls, root: Path, settings: dict[str, Any] | None, today: dt.date | None, site_url: str,
               publish: bool, earlier: Earlier | None, reads: loader.Reads | None) -> Site:
        base = site_url.rstrip("/") + "/"  # its form is checked once, by BuildContext
        with _no_cyclic_gc():
            day = today or dates.build_date()
            log = addresses.history(root)
            archive = loader.load(root, day, reads)  # first: a setting's placeholder is said as one (municipality.py)
            if publish:
                publishing.check(base, settings or {}, archive.unfilled)
            ctx = BuildContext(archive, day, base, settings or {}, log.spans)
            found = addresses.published(root, log, ctx.archive, day)
            if found.problems:
                raise ContentError(found.problems)
            renderer = Renderer(ctx)
            site = cls(ctx.archive, ctx.today, renderer.all(), renderer, addresses=found,
                       register_written=addresses.keep(root, found))
            site.setting = _setting(ctx, root)
            if earlier is not None and earlier.setting == site.setting:
                site.changed, site.data_before = site._reuse(earlier), earlier.data
            return site

    @cached_property
    def data(self) -> list[DataFile]:
        """Files to publish next to the pages: datasets (JSON, CSV, iCalendar) and Atom feeds."""
        with _no_cyclic_gc():
            ctx = self.renderer.ctx
            files = data_files(ctx) + [DataFile(p, c) for p, c in feeds.build_all(ctx).items()]
            published = {f.path: f.content for f in files}
            old = addresses.files(self.addresses, ctx.base_url, self._render, published)
            return files + [DataFile(path, content) for path, content in sorted(old.items())]

    def _render(self, template: str, values: dict[str, Any]) -> str:
        return self.renderer.env.get_template(template).render(**values)

    @property
    def refresh_pages(self) -> dict[str, str]:
        """The pages this build writes to lead from an old address to a new one, by their file in the site, with
        their one allowed `<meta http-equiv="refresh">` content (for the output gate)."""
        return {f"{r.old.path}index.html": addresses.refresh(r) for r in self.addresses.redirects if r.old.page}

    def _reuse(self, earlier: Earlier) -> set[Path]:
        """Give each page the earlier Markdown when none of its content files changed; the changed files.

        A body's name is on nearly every page (in each decision's label), so a changed body renders them all."""
        changed = _changed(earlier.files, self.renderer.prints.files)
        if any(path.parts[0] == kinds.COMMITTEE.folder for path in changed):
            return changed
        today = self.today
        for page in self._pages.values():
            old = earlier.pages.get(page.path)
            if old is not None and page.holds(old, changed, self.archive, today, self._dates(page),
                                                       self.renderer.prints):
                page.reuse(old)
        return changed

    def _dates(self, page: Page) -> pagedates.PageDates:
        """A generated page's 'Publicerad' and 'Uppdaterad' (from its files' history, else the build date)."""
        return pagedates.of(self.renderer.ctx, page.source, page.parts)

    def gone(self, earlier: Earlier) -> list[str]:
        """The URLs of the pages an earlier build published and this one does not (a record removed)."""
        return sorted(r.url for path, r in earlier.pages.items() if path not in self._pages)

    def earlier(self) -> Earlier:
        """What this build leaves the next one."""
        data = self._data_digests if "_data_digests" in vars(self) else {}
        return Earlier(self.setting, self.renderer.prints.files, {
            path: r for path, page in self._pages.items()
            if (page.drawn or page.kept) and (r := page.rendered(self._dates(page), self._searchable(page)))}, data)

    def search_key(self) -> str:
        """A digest of what every generated page offers the search index: the same key, the same index (the
        hand-written pages and the theme are the whole build's: cache.whole_build_key)."""
        digest = hashlib.blake2b(digest_size=16)
        for path in sorted(self._pages):
            digest.update(f"{path}\0{self._searchable(self._pages[path])}\n".encode())
        return digest.hexdigest()

    def published(self, path: str) -> None:
        """The generated page at source path `path` is written: note what it offers the search index, then let its
        HTML go (a build holds the archive and the page it is writing, not every page's HTML)."""
        page = self._pages[path]
        self._searchable(page)
        page.release()

    def _searchable(self, page: Page) -> str:
        if page.kept:
            return page.searchable
        if not page.searchable:
            page.searchable = search.searchable(page.title, page.html, search.facets(page.record, self.archive))
        return page.searchable

    def data_kept(self, data: DataFile) -> bool:
        """Whether the output this build is made over has `data` as it is (the engine need not write it again)."""
        return self.data_before.get(data.path) == self._data_digests[data.path]

    def data_written(self) -> list[str]:
        """The engine has written the data files: their digests stay (for the next build), their content goes (a
        build holds the datasets while it makes them, not while it writes the pages). Their paths (none the second
        time)."""
        if "data" not in vars(self):
            return []
        digests = self._data_digests
        vars(self).pop("data", None)
        return list(digests)

    @property
    def data_count(self) -> int:
        """How many data files this build publishes."""
        return len(self._data_digests)

    @cached_property
    def _data_digests(self) -> dict[str, str]:
        return {f.path: _digest(f.content) for f in self.data}

    def page_meta(self, path: str, source: Path | None = None) -> dict[str, Any]:
        """What the theme shows around a page: its feeds, 'Publicerad' and 'Uppdaterad' (pagedates.py), and
        `lastmod`, the sitemap's date of the page (the same day the page shows last).

        `path` is the page's source path ('partner/rsmh.md'); `source` the hand-written page's file,
        relative to the project root (a generated page knows its own files).
        """
        page = self._pages.get(path)
        when = pagedates.of(self.renderer.ctx, source or (page.source if page else None), page.parts if page else ())
        feeds_here = page.feeds if page else feeds.announced(None)
        meta: dict[str, Any] = {"feeds": [{"title": f.title, "url": f.path} for f in feeds_here],
                                "search": search.facets(page.record if page else None, self.archive).meta(),
                                "published": _day(when.published), "lastmod": when.last_modified.isoformat()}
        if when.updated:
            meta["updated"] = _day(when.updated)
        return meta

    def page_at(self, path: str) -> Page | None:
        """The generated page whose source path is `path` ('partner/rsmh.md'); None for a hand-written page."""
        return self._pages.get(path)

    def repeated(self) -> set[str]:
        """The published files of generated pages after the first of their template (by path in the site): their
        markup is that page's, around autoescaped values and editors' text checked against the same allow-list
        where it entered, so the output gate holds the first page of each template (and every hand-written page)."""
        seen: set[str] = set()
        repeated = set()
        for page in self.pages:
            if page.template in seen:
                repeated.add(page.url + "index.html")
            seen.add(page.template)
        return repeated

    def generated(self, path: str) -> bool:
        """Whether the page at source path `path` is generated whole (HTML, no Markdown to convert)."""
        page = self._pages.get(path)
        return page is not None and page is not self.renderer.home

    def page_markdown(self, path: str, markdown: str) -> str:
        """A page's Markdown as published: the start page's hand-written text followed by its generated overview."""
        return markdown + "\n\n" + self.renderer.home_sections() if path == "index.md" else markdown

    @cached_property
    def _pages(self) -> dict[str, Page]:
        """Every generated page by its source path, and the start page's generated part (what it lists)."""
        return {p.path: p for p in [*self.pages, self.renderer.home]}


def _setting(ctx: BuildContext, root: Path) -> tuple[object, ...]:
    """What two builds must share for one to take the other's pages: the settings, the address and the hand-written
    pages' history (their dates). The build date and the records' history are each generated page's own
    (Rendered.compared, Rendered.dates and the questions it asked)."""
    pages = sorted(path.relative_to(root) for path in (root / kinds.PAGES).rglob("*") if path.is_file())
    return ctx.settings, ctx.base_url, tuple((path, ctx.span(path)) for path in pages)


def _digest(content: str | bytes) -> str:
    return hashlib.blake2b(content.encode() if isinstance(content, str) else content, digest_size=16).hexdigest()


def _changed(earlier: dict[Path, str], now: dict[Path, str]) -> set[Path]:
    """The content files added, removed or edited between two loads."""
    return {path for path in earlier.keys() | now.keys() if earlier.get(path) != now.get(path)}


def _day(day: dt.date) -> dict[str, str]:
    return {"iso": day.isoformat(), "text": dates.long_date(day)}


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building: the build makes millions of objects that all
    live on, and the collector would scan them again and again for nothing (a fifth of the build's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
