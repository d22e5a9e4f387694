"""The domain, defined once: committee, meeting, matter, agreement, partner, officer's report.

Front matter is validated by these classes (pydantic); body-derived fields (`body`, a matter's
`title`, a meeting's `introduction`) are filled in by the loader. Ids are file names.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic.json_schema import WithJsonSchema

from . import citations, dates
from .citations import Citation
from .errors import FieldError

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A stable id: lowercase letters, digits and single hyphens (the file name without .md)."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
CaseNumber = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-ZÅÄÖ]{1,5} \d{4}/\d{1,6}$")]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"']+$")]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$")]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _org_number(value: str) -> str:
    digits = value.replace("-", "")
    if int(digits[2]) < 2:
        raise ValueError("tredje siffran i ett organisationsnummer är 2 eller högre (annars är det ett personnummer)")
    if not luhn_ok(digits):
        raise ValueError("kontrollsiffran stämmer inte; kontrollera numret")
    return value


OrgNumber = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^\d{6}-\d{4}$"), AfterValidator(_org_number)
]


def _citation(value: object) -> object:
    return citations.parse(value) if isinstance(value, str) else value


CitationField = Annotated[Citation, BeforeValidator(_citation), WithJsonSchema(
    {"type": "string", "pattern": citations.PATTERN.pattern, "examples": ["2017-08-23 §§ 154, 155"]})]


class Record(BaseModel):
    """Base of every content record: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class FileRecord(Record):
    """A record that is a content file of its own."""

    reviewed_numbers: list[str] = []
    """Numbers in this file that look like personal identity numbers but an editor has checked (e.g. a phone number)."""


class Committee(FileRecord):
    """A committee (nämnd) whose meetings the site publishes."""

    id: Slug
    name: Text
    documents_url: Url | None = None
    """Where all meeting documents (sammanträdeshandlingar) are published."""
    members_url: Url | None = None
    """Where upcoming meetings and members are listed."""
    planned_meetings: Schedule = []
    """The committee's schedule; a meeting in decisions/ on the same date supersedes its entry."""
    body: str = ""

    @property
    def documents_address(self) -> str | None:
        """The documents' address as a reader reads it aloud: without 'https://'."""
        return self.documents_url.partition("://")[2] if self.documents_url else None


class Partner(FileRecord):
    """A partner organisation, described once; agreements refer to it by id."""

    id: Slug
    name: Text
    organisation_number: OrgNumber | None = None
    address: Text | None = None
    website: Url | None = None
    body: str = ""


class Term(Record):
    """An agreement's term: exact dates, or only years where the source gives only years."""

    start: dt.date | int
    end: dt.date | int

    @property
    def first_day(self) -> dt.date:
        return self.start if isinstance(self.start, dt.date) else dt.date(self.start, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return self.end if isinstance(self.end, dt.date) else dt.date(self.end, 12, 31)

    @property
    def years(self) -> range:
        return range(self.first_day.year, self.last_day.year + 1)

    @property
    def label(self) -> str:
        """'2021–2023' where the source gives years, else '1 oktober 2021 – 31 december 2023'."""
        if isinstance(self.start, int) and isinstance(self.end, int):
            return f"{self.start}–{self.end}"
        return f"{dates.long_date(self.first_day)} – {dates.long_date(self.last_day)}"

    def status_on(self, day: dt.date) -> dates.Status:
        """Whether the term has not begun, is running or has ended on `day` (the build date)."""
        if day < self.first_day:
            return dates.Status.UPCOMING
        if day > self.last_day:
            return dates.Status.ENDED
        return dates.Status.IN_FORCE

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.last_day < self.first_day:
            raise FieldError(("end",), "perioden slutar innan den börjar; 'end' ska vara samma dag som "
                                       "eller efter 'start'")
        return self


class Funding(Record):
    """Funding for one calendar year; a year may have only price compensation and no sum."""

    year: Annotated[int, Field(ge=1900, le=2200)]
    amount: Annotated[int, Field(ge=0)] | None = None
    """Kronor (SEK), as the source states it."""
    price_compensation: bool = False
    """The amount is adjusted by the price compensation the committee receives (priskompensation)."""
    note: Text | None = None


class Contact(Record):
    """A contact person named in an agreement."""

    name: Text
    role: Text | None = None
    organisation: Text | None = None
    email: Email | None = None


class Agreement(FileRecord):
    """An agreement (överenskommelse), e.g. an IOP with a non-profit partner."""

    id: Slug
    title: Text
    partner: Slug
    public_party: Text
    committee: Slug | None = None
    date: dt.date | None = None
    """The date the agreement document carries."""
    signed: dt.date | None = None
    term: Term
    review_by: dt.date | None = None
    case_number: CaseNumber | None = None
    renews: Slug | None = None
    adopted_by: CitationField | None = None
    """The adopting decision when its meeting is not published; otherwise a matter's `adopts` says it."""
    funding: list[Funding] = []
    contacts: list[Contact] = []
    source: Text | None = None
    """Where the facts come from when the body is not the agreement's own text."""
    body: str = ""

    def status_on(self, day: dt.date) -> dates.Status:
        return self.term.status_on(day)

    def in_force_on(self, day: dt.date) -> bool:
        return self.term.status_on(day) is dates.Status.IN_FORCE

    @property
    def stated_total(self) -> int | None:
        """The sum of the amounts the source states; None when it states none."""
        amounts = [f.amount for f in self.funding if f.amount is not None]
        return sum(amounts) if amounts else None

    @model_validator(mode="after")
    def _funding_in_term(self) -> Agreement:
        years = [f.year for f in self.funding]
        for i, year in enumerate(years):
            if year not in self.term.years:
                raise FieldError(("funding", i, "year"), f"finansiering för år {year} ligger utanför perioden "
                                 f"{self.term.first_day.year}–{self.term.last_day.year}; ändra året eller 'term'")
            if year in years[:i]:
                raise FieldError(("funding", i, "year"), f"år {year} står flera gånger under 'funding'; "
                                 "slå ihop raderna")
        return self


class Matter(Record):
    """One matter (ärende) decided at a meeting; its title and text come from its body section."""

    id: Slug
    title: Text
    paragraphs: list[Annotated[int, Field(ge=1)]] = []
    case_number: CaseNumber | None = None
    adopts: list[Slug] = []
    """Agreements this decision adopts."""
    agreements: list[Slug] = []
    """Agreements this matter concerns without adopting them (a change, a follow-up)."""
    concerns: list[Slug] = []
    """Partners this matter concerns (partners of adopted agreements are implied)."""
    body: str = ""

    @property
    def paragraph_label(self) -> str:
        """'§ 112', '§§ 167, 168', or '' when no paragraph is known."""
        return citations.paragraph_label(self.paragraphs)


class Meeting(FileRecord):
    """A committee meeting and the summary of what it decided."""

    committee: Slug
    date: dt.date
    title: Text
    minutes_url: Url | None = None
    """Link to the minutes (protokoll) once published."""
    introduction: str = ""
    matters: list[Matter] = []

    @property
    def id(self) -> str:
        return f"{self.date.isoformat()}-{self.committee}"


class Report(FileRecord):
    """An officer's report (tjänsteskrivelse): the proposal behind a decision."""

    id: Slug
    case_number: CaseNumber
    date: dt.date
    title: Text
    committee: Slug | None = None
    body: str = ""


# -- the meeting schedule (kept apart so that Committee's own lines stay as they were) ------------


def _clock(value: object) -> object:
    """'13:00' as a time; YAML reads an unquoted 13:00 as the number 780, so ask for quotes."""
    if isinstance(value, int):
        raise ValueError('skriv klockslaget inom citattecken, t.ex. "13:00" (utan citattecken läses det som ett tal)')  # noqa: TRY004 (pydantic)
    if not isinstance(value, str):
        return value
    hours, colon, minutes = value.strip().replace(".", ":").partition(":")
    valid = colon and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
    if not (valid and int(hours) < 24 and int(minutes) < 60):
        raise ValueError(f"'{value}' är inget klockslag; skriv t.ex. \"13:00\"")
    return dt.time(int(hours), int(minutes))


Clock = Annotated[dt.time, BeforeValidator(_clock)]


class PlannedMeeting(Record):
    """A meeting in the committee's schedule (sammanträdesplan), published before it is held.

    Once a decisions/ file for the same committee and date exists, that meeting is held and this
    entry only adds its time and place to the calendar.
    """

    date: dt.date
    start: Clock | None = None
    end: Clock | None = None
    place: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PlannedMeeting:
        if self.end and not self.start:
            raise ValueError("'end' kräver 'start'")
        if self.start and self.end and self.end <= self.start:
            raise ValueError("sammanträdet slutar innan det börjar; 'end' ska vara efter 'start'")
        return self


def _unique_dates(plans: list[PlannedMeeting]) -> list[PlannedMeeting]:
    dates = [m.date for m in plans]
    twice = sorted({d.isoformat() for d in dates if dates.count(d) > 1})
    if twice:
        raise ValueError(f"samma datum står flera gånger: {', '.join(twice)}")
    return plans


Schedule = Annotated[list[PlannedMeeting], AfterValidator(_unique_dates)]
"""A committee's planned meetings, one per date."""

Committee.model_rebuild()
