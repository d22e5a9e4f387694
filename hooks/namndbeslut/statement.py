"""The accessibility statement's settings (DIGG's model statement): how a reader reaches the municipality, and
what only the municipality knows of its own site (how it has tested it, its content's known problems); the template
says what the software guarantees, true of every site it builds.

Configured by the site (MkDocs: `extra.accessibility` in mkdocs.yml) and validated once; a build for
publishing also refuses a placeholder (publishing.py). A local build takes FYLL I where `make new-site` left it
(municipality.FILL_IN): the setting is then `unfilled`, and the page says the fact is not filled in yet, never the
placeholder as the fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, ValidationInfo, field_validator

from . import messages, municipality, safety
from .errors import ContentError, Problem

CONFIG = Path("mkdocs.yml")
FIELD = "extra.accessibility"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE = r"^\+?[0-9][0-9 –-]{4,}[0-9]$"


class Accessibility(BaseModel):
    """Contact for the statement (DIGG asks for e-mail or phone) and the date of the latest assessment."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    unfilled: frozenset[str] = frozenset()
    """The settings still FYLL I in a local build (of municipality.FILL_IN), each left out: the page says so."""
    email: Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL)] | None = None
    phone: Annotated[str, StringConstraints(strip_whitespace=True, pattern=PHONE)] | None = None
    reviewed: dt.date | None
    """When the statement (its list of known problems) was last checked against the site; None only while
    `unfilled`."""
    tested: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = None
    """How the municipality has tested this site, in its words: the statement says itself only how the software is
    tested, which is true of every site it builds."""
    content_problems: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = []
    """Known problems of this site's own content and assessment (text from PDF documents, no manual review yet),
    listed after the software's own."""

    @field_validator("reviewed")
    @classmethod
    def _reviewed_given(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        """A date, unless the setting is still FYLL I: an empty one is no placeholder a build may take."""
        if value is None and "reviewed" not in info.data.get("unfilled", ()):
            raise ValueError("skriv dagen för den senaste granskningen av tillgängligheten, ÅÅÅÅ-MM-DD")
        return value

    @property
    def tel(self) -> str | None:
        """The phone number as a tel: link target (digits and a leading +)."""
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+") if self.phone else None


def from_settings(settings: Mapping[str, Any]) -> Accessibility:
    """The statement's settings of `settings['accessibility']`; a mistake stops the build naming the field."""
    given = settings.get("accessibility") or {}
    data: object = given
    if isinstance(given, Mapping):
        if "unfilled" in given:  # the build's own note, never a setting
            raise ContentError([Problem(CONFIG, None, f"{FIELD}.unfilled", messages.unknown_field(
                "unfilled", [f for f in Accessibility.model_fields if f != "unfilled"]))])
        unfilled = frozenset(key for key, value in given.items()
                             if municipality.fillable(f"{FIELD}.{key}") and safety.holds_placeholder(str(value)))
        data = {**{k: v for k, v in given.items() if k not in unfilled}, "unfilled": unfilled,
                **({"reviewed": None} if "reviewed" in unfilled else {})}
    try:
        return Accessibility.model_validate(data)
    except ValidationError as err:
        raise ContentError([Problem(CONFIG, None, ".".join(map(str, (FIELD, *e["loc"]))), messages.describe(dict(e)))
                            for e in err.errors()]) from None
