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
"""A date, optionally followed by § or §§ and paragraph numbers: how running text cites a decision (a day)."""
CITED = re.compile(
    r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?),?\s*(?:(?P<signs>§§?)\s*(?P<paras>\d+(?:\s*(?:,|och)\s*\d+)*))?"
)
"""A decision as a field cites it (`adopted_by`, `cited_steps`): a day, or only the month or the year where the source
names no day ('2021-03 § 45', '2021'), with or without paragraphs."""


@dataclass(frozen=True)
class Citation:
    """A reference to a committee decision as protocols cite it."""

    date: dates.Stated | None
    """The meeting's day; or only its month or year, as precise as the source citing it (or a published meeting
    known to the month, which a protocol would cite by its day but the source does not give); None for a published
    meeting whose source gives no date (`date: anges inte`)."""
    paragraphs: tuple[int, ...] = ()
    prefix: str | None = None
    """What the protocol writes before the numbers in place of '§' ('VON'), where its meeting's file says so."""

    def __str__(self) -> str:
        label = paragraph_label(self.paragraphs, self.prefix)
        if self.date is None:
            return f"{label}, {UNDATED}" if label else UNDATED
        return f"{dates.iso(self.date)} {label}" if label else dates.iso(self.date)


def paragraph_label(paragraphs: Sequence[int], prefix: str | None = None) -> str:
    """How protocols cite paragraphs: '§ 167', '§§ 167, 168', or '' for none; with the protocol's own `prefix` in
    place of the sign, as it writes them ('VON 2', 'VON 2, 3'). The one place of this rule."""
    if not paragraphs:
        return ""
    return f"{prefix or ('§§' if len(paragraphs) > 1 else '§')} {', '.join(map(str, paragraphs))}"


UNDATED = "datum anges inte"
"""What a decision's label says where the source names no date for it (model.NOT_STATED, which imports this)."""
YEAR_UNSTATED = "året anges inte"
"""What a cited decision's day says where the source gives it without its year."""
NO_BODY = "organ anges inte"
"""What a decision's label says in place of a body the source does not name (as a title goes on: lower case)."""
UNNAMED = "tidigare beslut (datum och organ anges inte)"
"""What a cited decision says where the source gives neither its date nor its body ("enligt tidigare beslut"):
render.cited_decision's words, never a step's (a proposal by an administration has no body either)."""


UNDATED_PARAGRAPHS = re.compile(r"(?P<signs>§§?)\s*(?P<paras>\d+(?:\s*(?:,|och)\s*\d+)*)")
"""Paragraphs cited without a date ('§ 68', from a protocol's table of contents whose date is lost)."""


def undated_paragraphs(text: str) -> tuple[int, ...] | None:
    """The paragraphs of a cited decision written without a date ('§ 68'); None for any other text. The one rule
    of cited steps and reports' cited decisions (model.py), which then need the body."""
    match = UNDATED_PARAGRAPHS.fullmatch(text.strip())
    return tuple(int(p) for p in re.findall(r"\d+", match["paras"])) if match else None


def decision_label(day: dates.Stated | None, paragraphs: Sequence[int] = (), body: str | None = None,
                   prefix: str | None = None, body_unstated: bool = False, day_as_given: str | None = None,
                   manner: str | None = None) -> str:
    """How a reader's text names a decision: 'Socialnämnden 23 augusti 2017, §§ 154, 155' (the body where known,
    the date in words, the paragraphs where known); 'Kommunstyrelsen, datum anges inte' where the source names the
    body alone, 'Kommunstyrelsen § 68, datum anges inte' with its paragraphs. The one place of this rule: fact
    boxes and feeds use it; data keeps the protocol's form (`Citation`, ISO date) for spreadsheets and clients. A
    published decision whose source names no body (`body_unstated`) says so, apart from what follows: 'Organ anges
    inte, 3 mars 2025', 'Organ anges inte, datum anges inte'. A day the source gives without its year
    (`day_as_given`): 'Stadsbyggnadsnämnden, 26 februari (året anges inte)'. A decision taken outside a meeting
    leads with how (`manner`): 'Delegationsbeslut, Kulturnämnden 3 mars 2024', 'Beslut, organ anges inte, …'."""
    label = paragraph_label(paragraphs, prefix)
    when = dates.long_date(day) if day is not None else f"{day_as_given} ({YEAR_UNSTATED})" if day_as_given \
        else UNDATED
    if body_unstated:
        unnamed = NO_BODY if manner else NO_BODY.capitalize()
        said = ", ".join(x for x in (unnamed, *((label, when) if day is None else (when, label))) if x)
    elif day is None:
        named = " ".join(filter(None, (body, label)))
        said = f"{named}, {when}" if named else when
    else:
        said = f"{body} {when}" if body else when
        said = f"{said}, {label}" if label else said
    return f"{manner}, {said}" if manner else said


def parse(text: str) -> Citation:
    """Parse a whole string as one citation, at the precision it gives (a day, a month '2021-03' or a year '2021',
    with or without paragraphs); raise ValueError (Swedish message) otherwise."""
    match = CITED.fullmatch(text.strip())
    if not match:
        raise ValueError(f"'{text}' är ingen hänvisning; skriv datum och paragraf, t.ex. '2017-08-23 §§ 154, 155', "
                         "eller bara månaden eller året som källan anger, t.ex. '2021-03' eller '2021 § 45'")
    written = match["date"]
    paras = tuple(int(p) for p in re.findall(r"\d+", match["paras"] or ""))
    if len(written) == 4:
        return Citation(int(written), paras)
    if len(written) == 7:
        month = dates.month_of(written)
        if month is None:
            raise ValueError(f"'{written}' är ingen månad; skriv året och månaden som ÅÅÅÅ-MM, t.ex. 2021-03")
        return Citation(month, paras)
    day = dates.plain_date(written)
    if day is None:
        raise ValueError(f"'{written}' är inget datum; skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-03-15")
    return Citation(day, paras)


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
