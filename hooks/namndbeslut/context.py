"""One build's inputs, passed whole to every output (pages, feeds, datasets, OParl)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .archive import Archive
from .funding import FundingTable, table


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

    def absolute(self, route: str) -> str:
        """The absolute URL of a site-relative path from `routes`."""
        return self.base_url + route

    @cached_property
    def funding(self) -> FundingTable:
        """Funding per year and partner, derived once: read by the page, the chart and the CSV."""
        return table(self.archive)
