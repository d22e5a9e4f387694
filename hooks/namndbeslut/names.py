"""An agreement's file name carries its years, and editors and readers rely on them: a name whose years
disagree with the term is refused, with the name it should have. (A meeting's name is its id: archive.py.)"""

from __future__ import annotations

import re

from pydantic import BaseModel

from . import kinds
from .errors import Problem
from .frontmatter import Document
from .kinds import Kind
from .model import Agreement

_YEAR_ONLY = re.compile(r"\d{4}")
_YEARS = re.compile(r"-(?P<first>\d{4})(?:-(?P<last>\d{4}))?$")


def problems(kind: Kind, record: BaseModel, doc: Document) -> list[Problem]:
    """The disagreement between the file's name and the record, if any; a name that is a year only (its page
    would be the address of that year's overview, e.g. overenskommelser/2022/)."""
    if _YEAR_ONLY.fullmatch(doc.path.stem):
        return [Problem(doc.path, None, "filnamn", f"filnamnet {doc.path.name} är bara ett årtal, och adressen "
                        "är redan årets översikt; ge filen ett namn som också säger vad den gäller")]
    if kind is kinds.AGREEMENT and isinstance(record, Agreement) and record.term:
        named = _YEARS.search(doc.path.stem)
        last, first_day = record.term.last_day, record.term.first_day
        if named and first_day is None and last and int(named["last"] or named["first"]) != last.year:
            name = f"{doc.path.stem[:named.start()]}-{last.year}.md"
            return [Problem(doc.path, doc.line_of(("term",)), "term",
                            f"filnamnet anger {named[0][1:]} men perioden slutar {last.year}; byt namn på filen "
                            f"till {name}, eller rätta 'term'")]
        if named and first_day is not None and (int(named["first"]) != first_day.year
                                                or (named["last"] and last and int(named["last"]) != last.year)):
            first = first_day.year
            years = f"{first}-{last.year}" if last and last.year != first else str(first)  # one year: '<id>-2022'
            name = f"{doc.path.stem[:named.start()]}-{years}.md"
            said = f"{named['first']}–{named['last']}" if named["last"] else named["first"]
            return [Problem(doc.path, doc.line_of(("term",)), "term",
                            f"filnamnet anger {said} men perioden är {record.term.years_label}; byt namn på filen "
                            f"till {name}, eller rätta 'term'")]
    return []


def unstated_term_problems(agreement: Agreement, doc: Document, stated: set[int]) -> list[Problem]:
    """With `term: anges inte`, the years a file name carries are years the agreement states otherwise (its date,
    its signing, a decision's date: `stated`), never a term the source does not state."""
    named = _YEARS.search(doc.path.stem)
    if agreement.term is not None or named is None:
        return []
    years = [int(y) for y in (named["first"], named["last"]) if y]
    if all(y in stated for y in years):
        return []
    said = "–".join(str(y) for y in years)
    return [Problem(doc.path, doc.line_of(("term",)), "term",
                    f"filnamnet anger {said}, men källan anger ingen period ('term: anges inte') och inget datum, "
                    f"ingen underskrift och inget beslut i överenskommelsen är från {said}; byt namn på filen till "
                    f"{doc.path.stem[:named.start()]}.md, eller skriv perioden under 'term'")]
