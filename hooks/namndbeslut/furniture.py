"""The page furniture of lund.se (banners, notes, 'Publicerad', 'Dela sidan'), configured by the site.

The texts and rules live in the site's configuration (MkDocs: `extra.furniture` in mkdocs.yml) and are
validated here once; a part left out of the configuration is simply not shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from . import dates, messages
from .errors import ContentError, Problem

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
CONFIG = Path("mkdocs.yml")


class ShareLink(BaseModel):
    """A 'Dela sidan' link: `url` is a template with `{url}` and `{title}` (URL-encoded when filled in)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Text
    url: Annotated[str, StringConstraints(pattern=r"^(https://|mailto:)\S*\{url\}\S*$")]


class Furniture(BaseModel):
    """Texts and rules of the page furniture; every text is optional (left out: not shown)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    stale_after_months: Annotated[int, Field(ge=1)] = 6
    stale_banner: Text | None = None
    """Shown on a meeting page when the meeting is more than `stale_after_months` before the build date: it speaks
    of the meeting, never of the page, which may have been published or updated recently; and of its decisions, so
    only where the page reports some (`Meeting.reports_decisions`: not an agenda, a webcast, a meeting where no
    matter's kind is a decision). Never on a decision taken outside a meeting (`stale_decision_banner`)."""
    stale_decision_banner: Text | None = None
    """As `stale_banner`, on the page of a decision taken outside a meeting (`Meeting.outside`: a delegations- or
    ordförandebeslut), which had no meeting to speak of: it speaks of the decision."""
    minutes_wait_days: Annotated[int, Field(ge=1)] = 14
    minutes_pending: Text | None = None
    """Shown while a meeting is younger than `minutes_wait_days` and its minutes are not linked."""
    minutes_link: Text | None = None
    """The text of the link to the minutes, followed by the meeting date."""
    documents_intro: Text | None = None
    documents_link: Text | None = None
    members_link: Text | None = None
    """Followed by the committee's name."""
    published_label: Text | None = None
    """'Publicerad: <date>' under every page: when the page went online (pagedates.py)."""
    updated_label: Text | None = None
    """'Uppdaterad: <date>', only on a page changed on a later day than it was published."""
    share_label: Text | None = None
    share: list[ShareLink] = []

    def is_stale(self, meeting_date: dt.date, today: dt.date) -> bool:
        return today > dates.add_months(meeting_date, self.stale_after_months)

    def stale_banner_of(self, outside: bool) -> str | None:
        """The old-record banner of a meeting's page, or of a decision's taken outside a meeting (`outside`)."""
        return self.stale_decision_banner if outside else self.stale_banner

    def minutes_pending_on(self, meeting_date: dt.date, today: dt.date) -> bool:
        return 0 <= (today - meeting_date).days < self.minutes_wait_days


def from_settings(settings: Mapping[str, Any]) -> Furniture:
    """The furniture of `settings['furniture']`; a mistake stops the build naming the field."""
    try:
        return Furniture.model_validate(settings.get("furniture") or {})
    except ValidationError as err:
        raise ContentError([Problem(CONFIG, None, ".".join(map(str, ("extra", "furniture", *e["loc"]))),
                                    messages.describe(dict(e))) for e in err.errors()]) from None
