"""The accessibility statement's settings (DIGG's model statement): how a reader reaches the municipality, and
what only the municipality knows of its own site (how it has tested it, its content's known problems); the template
says what the software guarantees, true of every site it builds.

Configured by the site (MkDocs: `extra.accessibility` in mkdocs.yml) and validated once; a build for
publishing also refuses a placeholder (publishing.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from . import messages
from .errors import ContentError, Problem

CONFIG = Path("mkdocs.yml")
FIELD = "extra.accessibility"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE = r"^\+?[0-9][0-9 –-]{4,}[0-9]$"


class Accessibility(BaseModel):
    """Contact for the statement (DIGG asks for e-mail or phone) and the date of the latest assessment."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    email: Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL)] | None = None
    phone: Annotated[str, StringConstraints(strip_whitespace=True, pattern=PHONE)] | None = None
    reviewed: dt.date
    """When the statement (its list of known problems) was last checked against the site."""
    tested: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = None
    """How the municipality has tested this site, in its words: the statement says itself only how the software is
    tested, which is true of every site it builds."""
    content_problems: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = []
    """Known problems of this site's own content and assessment (text from PDF documents, no manual review yet),
    listed after the software's own."""

    @property
    def tel(self) -> str | None:
        """The phone number as a tel: link target (digits and a leading +)."""
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+") if self.phone else None


def from_settings(settings: Mapping[str, Any]) -> Accessibility:
    """The statement's settings of `settings['accessibility']`; a mistake stops the build naming the field."""
    try:
        return Accessibility.model_validate(settings.get("accessibility") or {})
    except ValidationError as err:
        raise ContentError([Problem(CONFIG, None, ".".join(map(str, (FIELD, *e["loc"]))), messages.describe(dict(e)))
                            for e in err.errors()]) from None
