"""What changed when an agreement was renewed: the one comparison of a renewal with the agreement it renews, read
by the agreement's page and its JSON record (each step of a chain of renewals compares with the one before).

The agreement text is compared paragraph by paragraph (paragraphs are separated by blank lines, as the editors'
Markdown has them): a passage is added, removed, or both where a paragraph was rewritten.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from .dates import Money
from .model import NOT_STATED, UNTIL_FURTHER_NOTICE, Agreement, Partner, Term, parties_named, shown

T = TypeVar("T")


CANNOT_TELL = "Kan inte avgöras"
"""'Ändrat?' where either side leaves the fact unstated: an unknown value is never compared as if it were one."""


@dataclass(frozen=True)
class Pair(Generic[T]):
    """One fact of the older agreement and of the renewal, as each states it, and whether it changed: None where
    either side leaves it unstated (so it cannot be told)."""

    old: T
    new: T
    changed: bool | None

    @property
    def answer(self) -> str:
        """'Ja', 'Nej' or 'Kan inte avgöras', as the comparison's column 'Ändrat?' says it."""
        return CANNOT_TELL if self.changed is None else "Ja" if self.changed else "Nej"


def changed(*parts: tuple[object, object]) -> bool | None:
    """Whether a fact changed, part by part (a term's start and end): True where some part both sides state differs,
    else None where either side leaves a part unstated (NOT_STATED or None), else False."""
    known = [(a, b) for a, b in parts if not _unstated(a) and not _unstated(b)]
    if any(a != b for a, b in known):
        return True
    return None if len(known) < len(parts) else False


def _unstated(value: object) -> bool:
    return value is None or value == NOT_STATED


def _term_parts(term: Term | None) -> tuple[object, object]:
    """A term's start and end with what the source leaves unstated as NOT_STATED ('tills vidare' is a stated end)."""
    if term is None:
        return NOT_STATED, NOT_STATED
    return term.start, term.stated_end or (UNTIL_FURTHER_NOTICE if term.until_further_notice else NOT_STATED)


@dataclass(frozen=True)
class Amounts:
    """Stated funding, older and newer, of one year (or of all years): the change in kronor and per cent where
    both sides state an amount (and, for per cent, the older one is not zero)."""

    old: Money | None
    new: Money | None

    @property
    def change(self) -> Money | None:
        return self.new - self.old if self.old is not None and self.new is not None else None

    @property
    def percent(self) -> float | None:
        """The change in per cent of the older amount, to one decimal."""
        change = self.change
        return round(float(change * 100 / self.old), 1) if change is not None and self.old else None


@dataclass(frozen=True)
class YearAmounts(Amounts):
    year: int = 0


class Change(StrEnum):
    """How a passage of the text changed; the value is the visible label the page puts before it."""

    ADDED = "Tillagt"
    REMOVED = "Borttaget"


@dataclass(frozen=True)
class Passage:
    change: Change
    text: str


@dataclass(frozen=True)
class Comparison:
    """A renewal compared with the agreement it renews."""

    older: Agreement
    newer: Agreement
    term: Pair[str]
    """Each period as the site states it."""
    kind: Pair[str]
    review: Pair[str]
    """Each review as its agreement's page states it (Agreement.review_label: a point in time or the source's words;
    'anges inte'); `changed` None unless both state a point in time, or both the same words."""
    funding: list[YearAmounts]
    """Every calendar year either agreement states funding for, oldest first (a row for years the source does not
    name is in no year, only in `total`)."""
    total: Amounts
    """The sums of the stated amounts."""
    parties: Pair[str]
    """The counterparties as lists name them; `changed` None where either side states no counterparty or describes
    parties it does not name."""
    partners_added: list[Partner]
    partners_removed: list[Partner]
    text: list[Passage] | None
    """The passages of the text that were removed or added, in the order of the texts; None where either body is a
    description of its agreement (Agreement.text_is_description): descriptions are not the agreements' wording."""

    @property
    def text_changed(self) -> bool | None:
        return None if self.text is None else bool(self.text)


def compare(older: Agreement, newer: Agreement, partners: dict[str, Partner]) -> Comparison:
    """`newer` (which renews `older`) compared with it; `partners` by id."""
    years = sorted({f.year for f in [*older.funding, *newer.funding] if f.year is not None})
    parties = _parties_changed(older, newer)
    # where a side names no counterparty, none is said to be added or removed
    old_ids, new_ids = (older.counterparties, newer.counterparties) if parties is not None else ([], [])
    return Comparison(
        older, newer,
        term=Pair(older.term_label, newer.term_label,
                  changed(*zip(_term_parts(older.term), _term_parts(newer.term), strict=True))),
        kind=Pair(older.kind_label, newer.kind_label, changed((older.stated_kind, newer.stated_kind))),
        review=Pair(shown(older.review_label), shown(newer.review_label), _review_changed(older, newer)),
        funding=[YearAmounts(_stated(older, y), _stated(newer, y), year=y) for y in years],
        total=Amounts(older.stated_total, newer.stated_total),
        parties=Pair(_parties(older, partners), _parties(newer, partners), parties),
        partners_added=[partners[i] for i in new_ids if i not in old_ids and i in partners],
        partners_removed=[partners[i] for i in old_ids if i not in new_ids and i in partners],
        text=None if older.text_is_description or newer.text_is_description else passages(older.body, newer.body),
    )


def _review_changed(older: Agreement, newer: Agreement) -> bool | None:
    """Whether the review changed: two points in time compare; the same words of the source ('efter tre år') are the
    same rule, other words cannot be told apart from a change ('inom tre år'), nor a point in time from words."""
    if older.review_by is not None and newer.review_by is not None:
        return older.review_by != newer.review_by
    words = {(a.review_as_given or "").strip().casefold() for a in (older, newer)}
    return False if len(words) == 1 and "" not in words else None


def _parties(agreement: Agreement, partners: dict[str, Partner]) -> str:
    return parties_named([partners[i].name for i in agreement.counterparties if i in partners],
                         agreement.parties_described)


def _parties_changed(older: Agreement, newer: Agreement) -> bool | None:
    """Whether the named counterparties changed; None where a side names none, or describes parties it does not
    name: the same words may describe other parties ('de anslutna städerna'), so 'the same' would be a guess."""
    if any(a.counterparty_unstated or a.parties_described for a in (older, newer)):
        return None
    return set(older.counterparties) != set(newer.counterparties)


def _stated(agreement: Agreement, year: int) -> Money | None:
    """The sum of the amounts stated for `year` (Funding.total); None where none is stated."""
    amounts = [t for f in agreement.funding if f.year == year and (t := f.total) is not None]
    return sum(amounts) if amounts else None


def paragraphs(text: str) -> list[str]:
    """A Markdown text's paragraphs (blocks separated by blank lines), each with its lines joined by spaces."""
    blocks, lines = [], []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            lines.append(line.strip())
        elif lines:
            blocks.append(" ".join(lines))
            lines = []
    return blocks


def passages(old: str, new: str) -> list[Passage]:
    """The paragraphs removed from `old` and added in `new`: a rewritten paragraph is both."""
    before, after = paragraphs(old), paragraphs(new)
    out: list[Passage] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            out += [Passage(Change.REMOVED, p) for p in before[i1:i2]]
        if tag in ("insert", "replace"):
            out += [Passage(Change.ADDED, p) for p in after[j1:j2]]
    return out
