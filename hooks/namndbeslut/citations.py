"""Citations of decisions by date and protocol paragraph: "2020-11-11 §167", "2017-08-23 §§ 154, 155"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import dates

PATTERN = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}),?\s*(?:(?P<signs>§§?)\s*(?P<paras>\d+(?:\s*(?:,|och)\s*\d+)*))?"
)
"""A date, optionally followed by § or §§ and paragraph numbers."""


@dataclass(frozen=True)
class Citation:
    """A reference to a committee decision as protocols cite it."""

    date: dates.Day
    """The meeting's day (as every citation written names it); a month for a published meeting known to the
    month, which a protocol would cite by its day but the source does not give."""
    paragraphs: tuple[int, ...] = ()
    prefix: str | None = None
    """What the protocol writes before the numbers in place of '§' ('VON'), where its meeting's file says so."""

    def __str__(self) -> str:
        label = paragraph_label(self.paragraphs, self.prefix)
        return f"{self.date.isoformat()} {label}" if label else self.date.isoformat()


def paragraph_label(paragraphs: Sequence[int], prefix: str | None = None) -> str:
    """How protocols cite paragraphs: '§ 167', '§§ 167, 168', or '' for none; with the protocol's own `prefix` in
    place of the sign, as it writes them ('VON 2', 'VON 2, 3'). The one place of this rule."""
    if not paragraphs:
        return ""
    return f"{prefix or ('§§' if len(paragraphs) > 1 else '§')} {', '.join(map(str, paragraphs))}"


def decision_label(day: dates.Day, paragraphs: Sequence[int] = (), body: str | None = None,
                   prefix: str | None = None) -> str:
    """How a reader's text names a decision: 'Socialnämnden 23 augusti 2017, §§ 154, 155' (the body where known,
    the date in words, the paragraphs where known). The one place of this rule: fact boxes and feeds use it;
    data keeps the protocol's form (`Citation`, ISO date) for spreadsheets and clients."""
    when = f"{body} {dates.long_date(day)}" if body else dates.long_date(day)
    label = paragraph_label(paragraphs, prefix)
    return f"{when}, {label}" if label else when


def parse(text: str) -> Citation:
    """Parse a whole string as one citation; raise ValueError (Swedish message) otherwise."""
    match = PATTERN.fullmatch(text.strip())
    if not match:
        raise ValueError(f"'{text}' är ingen hänvisning; skriv datum och paragraf, t.ex. '2017-08-23 §§ 154, 155'")
    return _citation(match)


def _citation(match: re.Match[str]) -> Citation:
    date = dt.date.fromisoformat(match["date"])
    paras = tuple(int(p) for p in re.findall(r"\d+", match["paras"] or ""))
    return Citation(date, paras)


def find(text: str) -> list[tuple[re.Match[str], Citation]]:
    """Every citation with a paragraph in running text, with its match (for linking)."""
    found = []
    for match in PATTERN.finditer(text):
        if not match["paras"]:
            continue
        try:
            found.append((match, _citation(match)))
        except ValueError:
            continue
    return found
