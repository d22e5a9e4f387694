"""When a page was published and last updated: one rule for the page's dates and the sitemap's `lastmod`.

Both come from git, through the one history of the build (history.py, read into BuildContext):

- **Publicerad** is when the page went online: the first commit of the page's own file. A page without
  a file of its own (an overview made from many records) went online with the earliest of them.
- **Uppdaterad** is the newest commit of the page's own file or of any file it is made from (a
  partner page lists its agreements and the decisions about it), shown only when that day is later
  than Publicerad.
- A file git does not know (new and not yet committed, or a build outside git) counts as committed
  on the build date. Never a date from the record: a meeting's date says when the committee met,
  not when its page went online.

Days are Stockholm days, whatever offset the commit was made with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import dates
from .context import BuildContext


@dataclass(frozen=True)
class PageDates:
    """A page's 'Publicerad' and, when it is a later day, its 'Uppdaterad'."""

    published: dt.date
    updated: dt.date | None = None

    @property
    def last_modified(self) -> dt.date:
        """The sitemap's `lastmod`: the page's last change, as the page itself says."""
        return self.updated or self.published


def of(ctx: BuildContext, own: Path | None, parts: Iterable[Path] = ()) -> PageDates:
    """The dates of a page made from its `own` file (None for an overview) and the files in `parts`."""
    spans = [ctx.span(path) for path in ([own] if own else []) + list(parts)] or [ctx.span(None)]
    published = _day(spans[0].first) if own else min(_day(s.first) for s in spans)
    updated = max(_day(s.last) for s in spans)
    return PageDates(published, updated if updated > published else None)


def _day(at: dt.datetime) -> dt.date:
    return at.astimezone(dates.TIMEZONE).date()
