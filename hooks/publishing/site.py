"""One build's worth of work, independent of the engine: load, validate, render every page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import dates, loader
from .archive import Archive
from .errors import ContentError, Problem
from .opendata import DataFile, data_files
from .render import Context, Page, Renderer


@dataclass
class Site:
    """Everything a build publishes, computed once."""

    archive: Archive
    today: dt.date
    pages: list[Page]
    renderer: Renderer
    data: list[DataFile]
    """Datasets (JSON, CSV, iCalendar) to publish as files next to the pages."""

    @classmethod
    def build(cls, root: Path, settings: dict[str, Any] | None = None, today: dt.date | None = None,
              site_url: str = "") -> Site:
        """Load `root`'s content (raising ContentError on any problem) and render its pages and data.

        `site_url` is the site's absolute URL: open data names every object by its absolute URL.
        """
        if not site_url.startswith(("http://", "https://")):
            raise ContentError([Problem(Path("mkdocs.yml"), None, "site_url",
                                        "webbplatsens adress (t.ex. https://example.org/) krävs för öppna data")])
        base = site_url.rstrip("/") + "/"
        archive = loader.load(root)
        today = today or dates.build_date()
        renderer = Renderer(Context(archive, today, settings or {}, base))
        return cls(archive, today, renderer.all(), renderer, data_files(archive, today, base, settings or {}))
