"""One build's inputs, passed whole to every output (pages, feeds, datasets, OParl)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import dates, publishing
from .archive import Archive
from .errors import ContentError
from .funding import FundingTable, table
from .history import FileHistory, Span


@dataclass(frozen=True)
class BuildContext:
    """The archive, the date the build speaks for, where the site lives and how it is configured."""

    archive: Archive
    today: dt.date
    """The build date: agreement status, 'older than six months' and planned meetings depend on it."""
    base_url: str
    """The site's absolute URL, ending in '/': open data names every object by its absolute URL."""
    settings: Mapping[str, Any] = field(default_factory=dict)
    """Site settings (name, municipality, furniture texts, licence) from the engine's configuration."""
    history: FileHistory = field(default_factory=dict)
    """When each file under the project root was first and last committed (see history.py)."""

    def __post_init__(self) -> None:
        """Every output writes the address: a malformed one stops every build (a build to publish checks more)."""
        if problems := publishing.address_problems(self.base_url, publish=False):
            raise ContentError(problems)

    def absolute(self, route: str) -> str:
        """The absolute URL of a site-relative path from `routes`."""
        return self.base_url + route

    def span(self, source: Path | None) -> Span:
        """When a record's file was first and last committed; for a file git does not know (new and not yet
        committed, or no repository), the build date at 00:00 in Stockholm: it is published now, whatever
        date the record itself states (pagedates.py)."""
        if source is not None and source in self.history:
            return self.history[source]
        at = dt.datetime.combine(self.today, dt.time(), dates.TIMEZONE)
        return Span(at, at)

    @cached_property
    def funding(self) -> FundingTable:
        """Funding per year and partner, derived once: read by the page, the chart and the CSV."""
        return table(self.archive)
