"""One build's worth of work, independent of the engine: load, validate, render every page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import dates, loader
from .archive import Archive
from .render import Context, Page, Renderer


@dataclass
class Site:
    """Everything a build publishes, computed once."""

    archive: Archive
    today: dt.date
    pages: list[Page]
    renderer: Renderer

    @classmethod
    def build(cls, root: Path, settings: dict[str, Any] | None = None, today: dt.date | None = None) -> Site:
        """Load `root`'s content (raising ContentError on any problem) and render its pages."""
        archive = loader.load(root)
        today = today or dates.build_date()
        renderer = Renderer(Context(archive, today, settings or {}))
        return cls(archive, today, renderer.all(), renderer)
