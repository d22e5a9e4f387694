"""One build's worth of work, independent of the engine: load, validate, render every page."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import dates, feeds, history, loader, publishing, search
from .archive import Archive
from .context import BuildContext
from .errors import ContentError, Problem
from .opendata import DataFile, data_files
from .render import Page, Renderer


@dataclass
class Site:
    """Everything a build publishes, computed once."""

    archive: Archive
    today: dt.date
    pages: list[Page]
    renderer: Renderer
    data: list[DataFile]
    """Files to publish next to the pages: datasets (JSON, CSV, iCalendar) and Atom feeds."""
    changed: dict[Path, dt.date] = field(default_factory=dict)
    """When each file under the project root last changed, from git (see history.py)."""

    @classmethod
    def build(cls, root: Path, settings: dict[str, Any] | None = None, today: dt.date | None = None,
              site_url: str = "", publish: bool = False) -> Site:
        """Load `root`'s content (raising ContentError on any problem) and render its pages and data.

        `site_url` is the site's absolute URL: open data names every object by its absolute URL.
        A build to `publish` also refuses placeholders (publishing.py).
        """
        if not site_url.startswith(("http://", "https://")):
            raise ContentError([Problem(Path("mkdocs.yml"), None, "site_url",
                                        "webbplatsens adress (t.ex. https://example.org/) krävs för öppna data")])
        base = site_url.rstrip("/") + "/"
        if publish:
            publishing.check(base, settings or {})
        with _no_cyclic_gc():
            changes = history.read(root)
            day = today or dates.build_date()
            ctx = BuildContext(loader.load(root, day), day, base, settings or {}, changes)
            renderer = Renderer(ctx)
            data = data_files(ctx) + [DataFile(p, c) for p, c in feeds.build_all(ctx).items()]
            return cls(ctx.archive, ctx.today, renderer.all(), renderer, data,
                       {path: span.last.date() for path, span in changes.items()})

    def page_meta(self, path: str, source: Path | None = None, date: dt.date | None = None) -> dict[str, Any]:
        """What the theme shows around a page: its feeds, and 'Uppdaterad' with the date of the last change.

        `path` is the page's source path ('partner/rsmh.md'). The date is the last commit of the
        file behind the page (`source` for a hand-written page, relative to the project root),
        else the front-matter date (`date`, or the record's). An overview page made from many
        files takes the newest of them.
        """
        page = self._pages.get(path)
        file = source or (page.source if page else None)
        own = date or (page.meta.get("date") if page else None)
        day = self._last_change(file, own) if file else own or self._newest
        feeds_here = page.feeds if page else feeds.announced(None)
        meta: dict[str, Any] = {"feeds": [{"title": f.title, "url": f.path} for f in feeds_here],
                                "search": search.facets(page.record if page else None, self.archive).meta()}
        if day:
            meta["updated"] = {"iso": day.isoformat(), "text": dates.long_date(day)}
        return meta

    def page_markdown(self, path: str, markdown: str) -> str:
        """A page's Markdown as published: the start page's hand-written text followed by its generated overview."""
        return markdown + "\n\n" + self.renderer.home_sections() if path == "index.md" else markdown

    @cached_property
    def _pages(self) -> dict[str, Page]:
        return {p.path: p for p in self.pages}

    def _last_change(self, file: Path, fallback: dt.date | None) -> dt.date | None:
        return self.changed.get(file, fallback)

    @cached_property
    def _newest(self) -> dt.date | None:
        """The newest change of any record's file: the date of a page made from all of them."""
        days = [self._last_change(p.source, p.meta.get("date")) for p in self.pages if p.source]
        return max((d for d in days if d), default=None)


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
