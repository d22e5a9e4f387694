"""The domain, defined once: committee, meeting, matter, agreement, partner, officer's report.

Front matter is validated by these classes (pydantic); body-derived fields (`body`, a matter's
`title`, a meeting's `introduction`) are filled in by the loader. Ids are file names.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import partial
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema, WithJsonSchema

from . import citations, dates, messages, patterns
from .categories import (
    AgreementKind,
    BodyKind,
    ChangeKind,
    DecidedAs,
    DecidedBy,
    MatterKind,
    PartnerKind,
    StepAction,
    SumNature,
)
from .citations import Citation
from .dates import Month
from .errors import FieldError

_LINE_BREAK = re.compile("[\n\r]")
"""Line breaks a one-line field refuses besides messages.INVISIBLE (which has U+0085, U+2028 and U+2029)."""


def _text(value: object, one_line: bool) -> object:
    """Every text value as loaded: NFC, and never a control or invisible character (messages.INVISIBLE, the rule of
    whole files, which a YAML escape such as "\\v" or "\\u202e" inside quotes slips past); a one-line value
    (a name, a title, an id) no line break either, but for what YAML adds at its ends."""
    if not isinstance(value, str):
        return value
    value = unicodedata.normalize("NFC", value)
    if found := messages.INVISIBLE.search(value) or one_line and _LINE_BREAK.search(value.strip(" \t\n")):
        raise ValueError(messages.control_character(found[0], one_line))
    return value


LINE = BeforeValidator(partial(_text, one_line=True))
"""On every one-line text field (last in its Annotated, so it sees the value before stripping and patterns)."""
PROSE = BeforeValidator(partial(_text, one_line=False))
"""On every multi-line text field (a body: already checked as a file, made NFC here like every text)."""

MAX_ID = 80
"""The longest id: an id is a file name and becomes part of output file names and addresses (a long one ended in
'File name too long'), and no record needs more to be told apart."""


def _short_id(value: str) -> str:
    if len(value) > MAX_ID:
        raise ValueError(messages.long_id(len(value), MAX_ID))
    return value


Slug = Annotated[str, StringConstraints(pattern=patterns.ID), AfterValidator(_short_id),
                 Field(json_schema_extra={"maxLength": MAX_ID}), LINE]
"""A stable id: lowercase letters, digits and single hyphens (the file name without .md), at most MAX_ID long."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), LINE]
"""One line of text: a name, a title, a place."""
Prose = Annotated[str, PROSE]
"""Text of several lines: a file's body."""
CaseNumber = Annotated[str, StringConstraints(strip_whitespace=True, pattern=patterns.CASE_NUMBER,
                                              max_length=patterns.CASE_NUMBER_LENGTH), LINE]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"']+$"), LINE]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$"),
                  LINE]


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
    str, StringConstraints(strip_whitespace=True, pattern=r"^\d{6}-\d{4}$"), AfterValidator(_org_number), LINE
]


def _citation(value: object) -> object:
    """A citation as written; a date or a year alone, unquoted, is one that YAML has already read as a date or a
    number. Its year is one a record may speak of."""
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' läses som ja/nej; skriv beslutets datum, t.ex. '2021-03-15 § 45'")
    if isinstance(value, dt.date | int):
        value = Citation(value)
    elif isinstance(value, str):
        value = citations.parse(value)
    if isinstance(value, Citation) and value.date is not None and (
            problem := year_problem(dates.first_day(value.date).year)):
        raise ValueError(problem)
    return value


CitationField = Annotated[Citation, BeforeValidator(_citation), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": citations.CITED.pattern,
                "examples": ["2017-08-23 §§ 154, 155", "2021-03 § 45", "2021"]}, {"type": "integer"}]})]


def _item_number(value: object) -> object:
    """An item number as text: YAML reads `item: 5` as a number, which is the same number as the source gives."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


ItemNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20),
                       BeforeValidator(_item_number), LINE]
"""An agenda item's number as the source writes it: '5', '5 a', '12.3'."""


NOT_STATED = "anges inte"
"""What an editor writes where the source is silent (a term, a public party, a kind), and what the site shows."""


def shown(value: str | None) -> str:
    """A stated value as the site shows it, or 'anges inte' where the source is silent: the one place that says
    so for every field that may be unstated."""
    return NOT_STATED if value is None else value


def yes_no(value: bool | None) -> str:
    """A stated yes or no as pages say it ('Ja', 'Nej'); '' where the source does not say (the line is left out)."""
    return "" if value is None else "Ja" if value else "Nej"


def _unstated(value: object) -> object:
    """'anges inte' is no value (None): the site then says so and guesses nothing."""
    return None if isinstance(value, str) and value.strip() == NOT_STATED else value


def _not_stated_in_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, a field's 'no value' is the words an editor writes, not null."""
    schema["anyOf"] = [s if s.get("type") != "null" else {"const": NOT_STATED} for s in schema["anyOf"]]


MAY_BE_UNSTATED = BeforeValidator(_unstated)
"""On a field the source may leave out: 'anges inte' (or no value) is None, never a default a reader takes as a
fact (with NOT_STATED_IN_SCHEMA)."""
NOT_STATED_IN_SCHEMA = Field(json_schema_extra=_not_stated_in_schema)


def _several_sums_in_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, a matter's `amount` is one sum or a list of sums (`Matter._several_sums`)."""
    one = [s for s in schema["anyOf"] if s.get("type") != "null"]
    schema["anyOf"] = [*schema["anyOf"], {"type": "array", "items": {"anyOf": one}, "minItems": 1}]


def _several_case_numbers_in_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, a matter's `case_number` is one case number or a list of them (`Matter._several_cases`)."""
    one = [s for s in schema["anyOf"] if s.get("type") != "null"]
    schema["anyOf"] = [*schema["anyOf"], {"type": "array", "items": {"anyOf": one}, "minItems": 2}]


def _a_body_too_in_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, an outside decision's `decided_by` is a person or a body's id (`decided_by_body`)."""
    schema["anyOf"] = [*schema["anyOf"], {"type": "string", "pattern": patterns.ID}]


def _may_be_unstated_in_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, a field whose value the source may leave out also takes the words 'anges inte'."""
    schema["anyOf"] = [*schema["anyOf"], {"const": NOT_STATED}]


def stated_or_words(expected: str) -> BeforeValidator:
    """On a field where an empty value is a mistake, not a silence (`year:` of a funding row, a cited `decision:`):
    only the words 'anges inte' are None; an empty value is refused, saying what `expected` belongs there."""
    def check(value: object) -> object:
        if value is None:
            raise ValueError(f"värdet är tomt; skriv {expected}, eller '{NOT_STATED}' om källan inte anger det")
        return _unstated(value)
    return BeforeValidator(check)


def _month(value: object) -> object:
    """'2020-11' (a date known to the month) as a Month; YAML reads it as text, a full date as a date."""
    if not isinstance(value, str) or not re.fullmatch(r"\s*[0-9]{4}-[0-9]{1,2}\s*", value):
        return value
    month = dates.month_of(value)
    if month is None:
        raise ValueError(f"'{value.strip()}' är ingen månad; skriv året och månaden som ÅÅÅÅ-MM, t.ex. 2020-11")
    if problem := year_problem(month.year):
        raise ValueError(problem)
    return month


MONTH_SCHEMA = {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "examples": ["2020-11"]}
"""A month as an editor writes it, in the JSON Schema."""

def _meeting_body(value: object) -> object:
    """A meeting's body: a committee's id, or 'anges inte' (None) where the source names none; empty refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(f"värdet är tomt; skriv organets filnamn i committees/, eller '{NOT_STATED}' om källan inte "
                         "namnger något organ")
    return _unstated(value)


MeetingBody = Annotated[Slug | None, BeforeValidator(_meeting_body), NOT_STATED_IN_SCHEMA]
"""A meeting's body: a committee's id, or None ('anges inte') where the source names no body."""


def _meeting_date(value: object) -> object:
    """A meeting's date as given: '2017' (YAML reads it as a number) a Year, '2020-11' a Month, a full date a date;
    'anges inte' None (the source gives no date: `date_as_given` then says what it does give); empty refused."""
    if value is None:
        raise ValueError(f"värdet är tomt; skriv datumet (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ), eller '{NOT_STATED}' om "
                         "källan inte anger något datum")
    if isinstance(value, str) and value.strip() == NOT_STATED:
        return None
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}\s*", value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if problem := year_problem(value):
            raise ValueError(problem)
        return dates.Year(value)
    return _month(value)


MeetingDate = Annotated[dt.date | Month | dates.Year | None, BeforeValidator(_meeting_date), WithJsonSchema(
    {"anyOf": [{"type": "string", "format": "date"}, MONTH_SCHEMA, {"type": "integer", "examples": [2017]},
               {"const": NOT_STATED}]})]
"""A meeting's date: the day, or only the month ('2020-11') or the year (2017) where the source names no day; None
('anges inte') where the source gives none at all (a year-less 'den 12 september', a lost protocol date)."""


class Record(BaseModel):
    """Base of every content record: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class FileRecord(Record):
    """A record that is a content file of its own."""

    reviewed_numbers: list[Annotated[str, LINE]] = []
    """Numbers in this file that look like personal identity numbers but an editor has checked (e.g. a phone number)."""


def _one_or_more(value: object) -> object:
    """`source_url` as one address or a list of them: one is a list of one; an empty field (as the scaffolds leave
    it) or list, none."""
    if value is None:
        return []
    if not isinstance(value, str | list):
        raise ValueError("skriv källans adress (https://…), eller flera på var sin rad: 'source_url:' och sedan "
                         "'- https://…' på varje rad")
    if isinstance(value, str):
        return [value]
    # a part that starts neither with https:// nor with a host name ('goteborg.se/…', refused as no address) is what
    # is left of an address split at a comma
    fragments = [v for v in value if isinstance(v, str) and not re.match(r"\s*(https?://|[\w-]+\.[\w.-]+(/|$))", v)]
    if fragments and len(value) > 1:
        raise ValueError(f"'{fragments[0].strip()}' är ingen adress; ett kommatecken i en adress delar listan "
                         "[https://…, https://…] i flera delar: skriv adresserna på var sin rad, 'source_url:' och "
                         "sedan '- https://…' på varje rad")
    return value


def _distinct(urls: list[str]) -> list[str]:
    """A list of source addresses names each once."""
    twice = sorted({u for u in urls if urls.count(u) > 1})
    if twice:
        raise ValueError(f"samma adress står flera gånger: {', '.join(twice)}; skriv varje adress en gång")
    return urls


SourceUrls = Annotated[list[Url], AfterValidator(_distinct), BeforeValidator(_one_or_more),
                       WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^https?://[^\s<>\"']+$"},
                                                 {"type": "array", "uniqueItems": True,
                                                  "items": {"type": "string", "pattern": r"^https?://[^\s<>\"']+$"}},
                                                 {"type": "null"}]})]
"""The addresses of one record's source: one ('source_url: https://…') or several, each once ('source_url:
[https://…, https://…]'); held as a list."""


class Sourced(FileRecord):
    """A record whose facts come from a source an editor can name: `source` in words, `source_url` its address.
    The page shows it as 'Källa'; the open data carry it."""

    source: Text | None = None
    """Where the facts come from, in words (when the body is not the record's own text)."""
    source_urls: Annotated[SourceUrls, Field(alias="source_url")] = []
    """The addresses of the source (the published summary, the agreement's PDF, …), in the file's order: one, or
    several where the facts are known from several pages (the municipality's page and a news item)."""

    @property
    def source_url(self) -> str | None:
        """The first address: what the open data's single `source_url` has always carried."""
        return self.source_urls[0] if self.source_urls else None

    @property
    def source_links(self) -> list[tuple[str, str]]:
        """Each address with what a reader reads aloud of it (without 'https://'), as 'Källa' links them."""
        return [(url, url.partition("://")[2]) for url in self.source_urls]

    @property
    def has_source(self) -> bool:
        return bool(self.source or self.source_urls)


def _one_body_or_more(value: object) -> object:
    """`continues` as one body's id, or a list of them where several bodies merged into this one; one is a list of
    one, an empty field none."""
    if value is None:
        return []
    if not isinstance(value, str | list):
        raise ValueError("skriv filnamnet för det tidigare organet (utan .md), eller för flera organ som slogs ihop "
                         "till detta ett på var sin rad: 'continues:' och sedan '- <filnamn>' på varje rad")
    return [value] if isinstance(value, str) else value


def _distinct_bodies(ids: list[str]) -> list[str]:
    """A body continues each earlier body once."""
    if twice := sorted({x for x in ids if ids.count(x) > 1}):
        raise ValueError(f"samma organ står flera gånger: {', '.join(twice)}; skriv varje organ en gång")
    return ids


_SLUG_SCHEMA = {"type": "string", "pattern": patterns.ID, "maxLength": MAX_ID}
BodyIds = Annotated[list[Slug], AfterValidator(_distinct_bodies), BeforeValidator(_one_body_or_more),
                    WithJsonSchema({"anyOf": [_SLUG_SCHEMA, {"type": "array", "uniqueItems": True,
                                                             "items": _SLUG_SCHEMA}, {"type": "null"}]})]
"""The ids of the bodies whose work a body continues: one ('continues: socialnamnden'), or several that merged into
it; held as a list."""


class Committee(Sourced):
    """A decision-making body whose meetings the site publishes: a nämnd, a styrelse, the council, …

    Its text (the file's body) is what the source says of it (its remit, its members, its chair), shown under
    'Om <body>'. A body that takes over the work of another (or of several that merged into it) names it in
    `continues`, from the date in `since`; the other's page then links forward to it.
    """

    id: Slug
    own_name: Annotated[Text, Field(alias="name")]
    """The body's name as its file gives it ('Kommunstyrelsen'); pages show `name`."""
    municipality: Text | None = None
    """The municipality (or region) the body belongs to, where it is another than the site's own
    (`extra.municipality` in mkdocs.yml): 'Härryda kommun'. None: the site's own."""
    kind: Annotated[BodyKind | None, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA] = BodyKind.NAMND
    """None ('anges inte') where the source does not say what kind of body it is: shown 'anges inte', null in data."""
    continues: BodyIds = []
    """The bodies whose work this one continues, in the file's order: one (a renamed committee), or several that
    merged into it."""
    since: dt.date | None = None
    """The day this body took over from those it continues."""
    documents_url: Url | None = None
    """Where all meeting documents (sammanträdeshandlingar) are published."""
    members_url: Url | None = None
    """Where upcoming meetings and members are listed."""
    planned_meetings: Schedule = []
    """The committee's schedule; a meeting in decisions/ on the same date supersedes its entry."""
    usual_start: Clock | None = None
    """The time the schedule says meetings usually start ("sammanträder i regel kl. 9.00"): shown as such, never
    taken for a meeting's start."""
    usual_end: Clock | None = None
    """The time the source says meetings usually end ("klockan 9.30 - 17"): shown beside `usual_start`, never taken
    for a meeting's end."""
    schedule_as_given: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), PROSE] | None = None
    """The schedule in the source's words, several lines allowed ("Sammanträdesdagar: 31 januari … 12 december", no
    year): shown as the source's, never read as planned meetings or calendar events."""
    part_of: Slug | None = None
    """The body this one is part of (an arbetsutskott of kommunstyrelsen, a beredning under fullmäktige)."""
    members: list[Member] = []
    """The members as the source lists them, in its order; true on `members_as_of`."""
    secretary: Text | None = None
    """The body's secretary (nämndsekreterare) as the source names them: an officer who serves the body, never one
    of its `members` (a list headed 'Ledamöter')."""
    members_as_of: GivenDate | None = None
    """The date the source gives its list of members as true on (day, month or year); None where it gives none."""
    seats: Seats | None = None
    """The body's size as the source states it; never counted from `members` (a list may be partial)."""
    usual_place: Text | None = None
    """Where the source says meetings are usually held ("Stadshusets fullmäktigesal på Storgatan 43"): shown beside
    the usual time, never taken for a meeting's place."""
    public_as_given: Text | None = None
    """What the source says of the public at the body's meetings, in its words ("Sammanträdena är öppna för
    allmänheten", "Allmänhetens frågestund hålls före varje sammanträde"): never a meeting's `public`."""
    body: Prose = ""

    @property
    def public_as_given_label(self) -> str:
        """'Enligt källan: …' (according_to_source); '' where the source says nothing of the public."""
        return according_to_source(self.public_as_given) if self.public_as_given else ""

    @property
    def kind_label(self) -> str:
        """'Nämnd', 'Kommunstyrelse'; 'anges inte' where the source does not say (`shown`)."""
        return shown(self.kind.label if self.kind is not None else None)

    @property
    def definite(self) -> str:
        """How a sentence names the body by its kind ('nämnden'); 'organet' where its kind is not stated."""
        return self.kind.definite if self.kind is not None else "organet"

    @model_validator(mode="after")
    def _members_dated(self) -> Committee:
        if self.members_as_of is not None and not self.members:
            raise FieldError(("members_as_of",), "'members_as_of' anger dagen som listan över ledamöter gäller; "
                                                 "skriv också ledamöterna under 'members', eller ta bort "
                                                 "'members_as_of'")
        return self

    @property
    def members_listed(self) -> bool:
        """Whether the source lists the body's members: two or more. One person it names alone (its chair, on the
        body's page) is no list of its members, dated or not: the page then says whom the source names, never that
        they are the members."""
        return len(self.members) > 1

    @property
    def members_heading(self) -> str:
        """The heading of the section of `members`: 'Ledamöter enligt källan', or 'Personer enligt källan'."""
        return f"{'Ledamöter' if self.members_listed else 'Personer'} enligt källan"

    @property
    def members_caption(self) -> str:
        """The caption of the members' table: 'Ledamöter i kommunstyrelsen som källan listar dem', or 'Personer i
        kommunfullmäktige som källan nämner' where it lists none (`members_listed`)."""
        if self.members_listed:
            return f"Ledamöter i {self.in_text} som källan listar dem"
        return f"Personer i {self.in_text} som källan nämner"

    @property
    def members_as_of_line(self) -> str:
        """The line above the members' table: the day the list is true on ('Listan gäller enligt källan: januari
        2024.'), of a person named alone 'Uppgiften gäller …'; 'anges inte' where the source gives none (never the
        build date)."""
        day = dates.long_date(self.members_as_of) if self.members_as_of is not None else NOT_STATED
        return f"{'Listan' if self.members_listed else 'Uppgiften'} gäller {source_says(day)}."

    @property
    def member_columns(self) -> list[tuple[str, str, str]]:
        """The members' fields the source gives for any member, with the table's heading: a column no member has is
        left out, a member without a field its column has reads 'anges inte'."""
        return columns_of(self.members)

    @property
    def name(self) -> str:
        """The body's name wherever it is shown (pages, titles, feeds, data, OParl): its own name, and the
        municipality it belongs to where that is another than the site's ('Kommunstyrelsen i Härryda kommun'), so that
        no reader takes it for the site's own body. The one place of this rule."""
        return f"{self.own_name} i {self.municipality}" if self.municipality else self.own_name

    def belongs_to(self, site_municipality: str) -> str:
        """The municipality the body belongs to: its own where the file names another, else the site's
        (`extra.municipality`), so that no data says a body of Botkyrka is Lund's."""
        return self.municipality or site_municipality

    @property
    def in_text(self) -> str:
        """The name inside a sentence, as Swedish writes a body's name there: 'i socialnämnden'."""
        return self.name[:1].lower() + self.name[1:]

    @property
    def agreements_heading(self) -> str:
        """'Överenskommelser där Kommunstyrelsen anges': what an agreement's `committee` says (the body its source
        names for it: a party, the responsible body or the one that decided), never that the body is responsible."""
        return f"Överenskommelser där {self.name} anges"

    @property
    def has_remit(self) -> bool:
        """Whether the file has a text: its page then has a section 'Om <body>' (a neutral heading: editors write
        there what the source says of the body, its remit, its members, its chair, not only a remit)."""
        return bool(self.body.strip())

    @property
    def remit_lead(self) -> str:
        """What a meeting page shows of the body: the first paragraph of its text ('' when it has none)."""
        return lead_paragraph([self.body])

    @property
    def usual_start_note(self) -> str:
        """What pages and the calendar say of the body's usual time: 'Sammanträdena börjar i regel kl. 09.00.',
        'Sammanträdena pågår i regel kl. 09.30–17.00.' with its usual end; '' where the source gives none."""
        start, end = (dates.clock(t) if t else None for t in (self.usual_start, self.usual_end))
        if start and end:
            return f"Sammanträdena pågår i regel kl. {start}–{end}."
        if start or end:
            return f"Sammanträdena {'börjar' if start else 'slutar'} i regel kl. {start or end}."
        return ""

    def usual_line(self, *, time: bool = True, place: bool = True) -> str:
        """The body's usual time and place as pages and the calendar say them: 'Sammanträdena börjar i regel kl.
        18.00. Plats i regel: Stadshusets fullmäktigesal.'; a calendar event leaves out what the meeting states
        itself. '' where the source gives neither. The one place of this rule."""
        usual_place = f"Plats i regel: {self.usual_place}." if self.usual_place and place else ""
        return " ".join(x for x in (self.usual_start_note if time else "", usual_place) if x)

    @property
    def usual_note(self) -> str:
        """The usual time and place as the body's page and the upcoming meetings' page say them (`usual_line`)."""
        return self.usual_line()

    @property
    def schedule_lines(self) -> list[str]:
        """The schedule as the source gives it (`schedule_as_given`), one line each, as the page shows it under its own
        heading 'Sammanträdesdagar enligt källan', never under 'Kommande sammanträden': its days may lack a year, or
        have passed."""
        return [line.strip() for line in (self.schedule_as_given or "").splitlines() if line.strip()]

    @property
    def documents_address(self) -> str | None:
        """The documents' address as a reader reads it aloud: without 'https://'."""
        return self.documents_url.partition("://")[2] if self.documents_url else None


class PartySeats(Record):
    """One party's seats in a body as the source lists them ('Socialdemokraterna 22')."""

    party: Text
    """The party's name as the source writes it."""
    seats: Annotated[int, Field(ge=1), NOT_BOOL]
    """The party's seats (mandat) as the source gives them."""


class Seats(Record):
    """A body's size as its source states it ("79 ordinarie ledamöter och 41 ersättare från nio partier"): each
    number only where the source gives it, and its words. Never counted from, nor compared with, the members a
    source lists (a list may be partial, or of another date)."""

    members: Annotated[int, Field(ge=1), NOT_BOOL] | None = None
    """The ordinary members (ordinarie ledamöter)."""
    substitutes: Annotated[int, Field(ge=0), NOT_BOOL] | None = None
    """The substitutes (ersättare)."""
    as_given: Text | None = None
    """The size in the source's words."""
    by_party: Annotated[list[PartySeats], Field(min_length=1)] | None = None
    """Each party's seats as the source lists them, in its order: shown as given, never summed nor compared with
    `members` (a source's total and its parties' seats may differ; both are shown as given)."""

    @model_validator(mode="after")
    def _something_given(self) -> Seats:
        """Something stated, and each party once (a party listed twice would be two facts for one)."""
        seen: set[str] = set()
        for given in self.by_party or []:
            if given.party.casefold() in seen:
                raise FieldError(("by_party",), f"'{given.party}' står två gånger; skriv varje parti en gång med "
                                                "sina mandat, t.ex. {party: Socialdemokraterna, seats: 22}")
            seen.add(given.party.casefold())
        if self.members is None and self.substitutes is None and self.as_given is None and self.by_party is None:
            raise ValueError("'seats' är tomt; skriv antalet som källan anger det, t.ex. {members: 79, "
                             "substitutes: 41}, och/eller källans ord i 'as_given', eller ta bort 'seats'")
        return self

    @property
    def label(self) -> str:
        """What the body's page says of its size: 'Ledamöter: 79, ersättare: 41 (enligt källan: …)'; a number the
        source does not give reads 'anges inte' beside one it gives; the source's words alone 'Enligt källan: …';
        '' where the source gives only the parties' seats (`by_party`, listed apart)."""
        counted = self.members is not None or self.substitutes is not None
        members, substitutes = (shown(None if n is None else str(n)) for n in (self.members, self.substitutes))
        numbers = f"Ledamöter: {members}, ersättare: {substitutes}" if counted else ""
        if self.as_given is None:
            return numbers
        return beside_source_words(numbers, self.as_given) if counted else according_to_source(self.as_given)


MEMBER_COLUMNS = (("role", "Roll"), ("party", "Parti"), ("nominated_by", "Nominerad av"),
                  ("substitute_for", "I stället för"), ("note", "Anmärkning"))
"""A person's fields beside the name, with their headings in a table of people (a body's members, those present
at a meeting), in this order."""
APPLIES_TO_SOME = ("substitute_for", "note")
"""The fields a person has only where it applies (a substitute, a remark): an empty cell there is not a fact the
source leaves out, so it stays empty rather than 'anges inte'."""


def columns_of(people: Sequence[Member]) -> list[tuple[str, str, str]]:
    """The one rule of a table of people: the fields the source gives for anyone listed, with their headings and
    what an empty cell says; a column nobody has is left out, a person without a field its column has reads 'anges
    inte', except where the field applies to some only (APPLIES_TO_SOME: not everyone substitutes for someone)."""
    return [(key, heading, "" if key in APPLIES_TO_SOME else NOT_STATED) for key, heading in MEMBER_COLUMNS
            if any(getattr(p, key, None) for p in people)]


class Member(Record):
    """One member of a body as its source lists them: name and, where the source gives them, role, party and the
    organisation that nominated them. Names only: no person identity is derived from a name (two may share one)."""

    name: Text
    role: Text | None = None
    """The role in the source's words: 'ordförande', 'vice ordförande', 'ledamot', 'ersättare'."""
    party: Text | None = None
    """The party as the source gives it ('S', 'Moderaterna')."""
    nominated_by: Text | None = None
    """The organisation that nominated the member (a pensionärsråd's PRO, SPF), as the source names it."""

    @property
    def label(self) -> str:
        """'Lars Muregård (M), ledamot, nominerad av PRO': only what the source gives (`person_label`, the rule a
        signer's and a contact's label share)."""
        named = f"{self.name} ({self.party})" if self.party else self.name
        return person_label(named, self.role, self.nominated_by and f"nominerad av {self.nominated_by}")


def person_label(name: str, role: str | None, *more: str | None) -> str:
    """The one order of a person's label: the name, the role in the source's words, then what else the source
    gives, comma-separated; nothing the source does not give."""
    return ", ".join(x for x in (name, role, *more) if x)


class NamedPerson(Member):
    """A person a matter names in a role, as the source names them: an election ("Till ny ledamot väljs Lars
    Muregård (M) intill ordinarie bolagsstämma 2023"), a resignation ("Caroline Åberg (M) avsäger sig"), an
    interpellant. A body's member's fields (the one rule of a name, a role in the source's words and a party), and
    the term in the source's words; no identity is derived from the name."""

    term_as_given: Text | None = None
    """The term the source gives with the role ('intill ordinarie bolagsstämma 2023'): shown as given, never read as
    dates."""

    @property
    def label(self) -> str:
        """'Lars Muregård (M), ny ledamot, intill ordinarie bolagsstämma 2023': a member's label, then the term."""
        return person_label(super().label, None, self.term_as_given)


def each_person_once(persons: Sequence[NamedPerson]) -> None:
    """A matter's or an agreement's `persons` name each person in a role once (another role is a row of its own)."""
    for i, person in enumerate(persons):
        if person in persons[:i]:
            raise FieldError(("persons", i), f"'{person.label}' står redan i listan; skriv varje person en gång "
                                             "(med en annan roll är det en egen rad)")


class Attendee(Member):
    """One person present at a meeting as its minutes list them ("Tjänstgörande ersättare Franklin Eck (M) för
    Marianne Kierkemann (M)"): a body member's fields (name, party, the role in the source's words: ledamot,
    tjänstgörande ersättare, tjänsteman, sekreterare), whom they stand in for and a note on when they were there
    ("från och med § 21"), each as given. No identity is derived from a name, and no attendance from a body's
    members."""

    substitute_for: Text | None = None
    """Whom a substitute serves for, as the source names them ('Marianne Kierkemann (M)')."""
    note: Text | None = None
    """When or how the person was present, in the source's words ('från och med § 21', 'till § 20, klockan
    16.15')."""


Listed = AgreementKind | PartnerKind | MatterKind
"""A kind from one of the closed lists that also take the source's own words (`kind_as_given`)."""


def _listed_kind(value: object, kinds: type[AgreementKind] | type[PartnerKind]) -> object:
    """A kind outside the list is refused with the way to record it as the source words it (`kind_as_given`)."""
    if isinstance(value, str) and value.strip() and value.strip() not in tuple(kinds):
        listed = ", ".join(k.value for k in kinds)
        raise ValueError(f"'{value.strip()}' är inget av de listade slagen ({listed}); står det något annat i "
                         f"källan, skriv källans ord under 'kind_as_given' och ta bort 'kind'")
    return value


LISTED_KIND = BeforeValidator(partial(_listed_kind, kinds=AgreementKind))
"""On an agreement's `kind`, before MAY_BE_UNSTATED in its Annotated (pydantic runs the last first, so 'anges inte' is
None by then)."""
LISTED_PARTNER_KIND = BeforeValidator(partial(_listed_kind, kinds=PartnerKind))
"""On a partner's `kind`, as LISTED_KIND."""


def stated_kind(kind: Listed | None, as_given: str | None) -> str | None:
    """A kind as pages show it: the listed kind's label, else the source's words (first letter upper case, as the
    labels are); None where the source states none. The one rule of agreements', partners' and matters' kinds."""
    if kind is not None:
        return kind.label
    return upper_first(as_given) if as_given else None


def upper_first(words: str) -> str:
    """Words from the source as a label begins: first letter upper case, the rest as given."""
    return words[:1].upper() + words[1:]


def as_source_says(words: str) -> str:
    """The source's words marked as its own: 'efter tre år (enligt källan)'; words that end in a bracket keep one
    pair: 'går ut vid årsskiftet (året anges inte; enligt källan)'."""
    words = words.rstrip()
    return f"{words[:-1]}; enligt källan)" if words.endswith(")") else f"{words} (enligt källan)"


def source_says(words: str) -> str:
    """The source's words led by whose they are: 'enligt källan: Votering genomförd, …'. The one prefix form, as
    `as_source_says` is the one suffix form: beside a value, after a vote's counts, a matter's kind, a date."""
    return f"enligt källan: {words}"


def beside_source_words(value: str, words: str) -> str:
    """A value with the source's own words for it in brackets after it: '30 juni 2025 (enligt källan: senast 30 juni
    2025)'. The one wording wherever the site states a value and the source's words beside it (a deadline, a sum,
    a body's seats, a body the source does not name)."""
    return f"{value} ({source_says(words)})"


def according_to_source(words: str) -> str:
    """A statement the source makes in its words, shown as a line of its own: 'Enligt källan: …' (a body's and a
    meeting's `public_as_given`, a body's size or schedule in the source's words alone)."""
    return upper_first(source_says(words))


def paragraphs_label(words: str | None) -> str:
    """A protocol's paragraphs in its words, marked as its own ('Paragrafer 79–107 (enligt källan)'): the one rule of
    a meeting's and a matter's `paragraphs_as_given`; '' where none."""
    return as_source_says(words) if words else ""


def one_way_to_state_kind(kind: Listed | None, as_given: str | None, kinds: type[AgreementKind] | type[PartnerKind],
                          ) -> None:
    """A listed kind is written as `kind`, another in the source's words as `kind_as_given`: never both, and never a
    listed kind in the source's words."""
    if as_given is None:
        return
    if kind is not None:
        raise FieldError(("kind_as_given",), "ange typen antingen med 'kind' (ett av de listade slagen) eller "
                                             "med 'kind_as_given' (källans ord), inte båda")
    no_listed_kind_as_given(as_given, kinds)


def no_listed_kind_as_given(as_given: str | None, kinds: type[Listed]) -> None:
    """A kind the list has is written as `kind`, never as the source's words (which lists and data do not classify
    by)."""
    if as_given is None:
        return
    listed = next((k for k in kinds if k.value == as_given.casefold()), None)
    if listed is not None:
        raise FieldError(("kind_as_given",), f"'{as_given}' finns i listan; skriv 'kind: "
                                             f"{listed.value}' och ta bort 'kind_as_given'")


class Partner(Sourced):
    """A partner organisation, described once; agreements refer to it by id."""

    id: Slug
    name: Text
    kind: Annotated[PartnerKind | None, LISTED_PARTNER_KIND, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA] = None
    """None ('anges inte') where the source does not say what kind of organisation it is."""
    kind_as_given: Text | None = None
    """The kind in the source's words where it is none of the listed ones ('ekonomisk förening'): shown as given, as
    an agreement's `kind_as_given` is, while `kind` stays unstated."""
    organisation_number: OrgNumber | None = None
    address: Text | None = None
    website: Url | None = None
    body: Prose = ""

    @property
    def stated_kind(self) -> str | None:
        """The kind as pages and data show it (model.stated_kind)."""
        return stated_kind(self.kind, self.kind_as_given)

    @property
    def kind_label(self) -> str:
        return shown(self.stated_kind)

    @property
    def matters_named(self) -> str:
        """The matters that concern the partner as a sentence names them: 'ärenden som rör Parthaella AB', never
        'beslut' (an anmälan or an information is none); its page's heading, its feed's title, the link to it."""
        return f"ärenden som rör {self.name}"

    @property
    def matters_heading(self) -> str:
        """`matters_named` as a heading or a title begins: 'Ärenden som rör Parthaella AB'."""
        return upper_first(self.matters_named)

    @model_validator(mode="after")
    def _one_way_to_state_kind(self) -> Partner:
        one_way_to_state_kind(self.kind, self.kind_as_given, PartnerKind)
        return self


FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a record may speak of: a two-digit year (21 for 2021) is refused, not read as the year 21."""


def year_problem(year: int) -> str | None:
    """What is wrong with a year no record may speak of, the one message for every date field; None for a
    plausible one."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return f"året {year} är inte rimligt; skriv året med fyra siffror (mellan {FIRST_YEAR} och {LAST_YEAR})"


def _not_bool(value: object) -> object:
    """YAML reads yes/no/true/false/on/off as booleans; where a number belongs that is a mistake, not 1 or 0."""
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' läses som ja/nej (sant/falskt), inte som ett tal; skriv ett heltal")
    return value


NOT_BOOL = BeforeValidator(_not_bool)
"""On an integer field (after its limits, so the JSON Schema keeps them): never a boolean."""

YEARS_ONLY = re.compile(r"\d{4}(?:\s*[–-]\s*\d{4})?")
"""A period that is only a year or a span of years ('2024', '2023–2025'): `from_year` and `to_year` say it."""
YEAR_IN_WORDS = re.compile(r"(?<!\d)(?:19|20|21)\d{2}(?!\d)")
"""A calendar year named in a period's words ('första halvåret 2026')."""

PlausibleYear = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR), NOT_BOOL]
"""A calendar year a record may speak of, as a number (a funding row's, a sum's)."""

UNTIL_FURTHER_NOTICE = "tills vidare"
"""What an editor writes as a term's `end` when the agreement runs until further notice."""


def _end(value: object) -> object:
    """'tills vidare' is no end (None); 'anges inte' stays the words (an end the source does not state, which is not
    'until further notice'); an empty `end:` is a mistake, not an open-ended term."""
    if value is None:
        raise ValueError(f"skriv slutdatumet eller slutåret, '{UNTIL_FURTHER_NOTICE}' om överenskommelsen "
                         f"gäller tills vidare, eller '{NOT_STATED}' om källan inte anger något slut")
    if isinstance(value, str) and value.strip() == NOT_STATED:
        return NOT_STATED
    return None if value == UNTIL_FURTHER_NOTICE else _month(_not_bool(value))


def _stated(value: object) -> object:
    """'anges inte' is no term (None); an empty `term:` is a mistake, not an unstated term."""
    if value is None or (isinstance(value, str) and value != NOT_STATED):
        given = "" if value is None else f"'{value}' kan inte läsas som en period; "
        raise ValueError(
            f"{given}skriv perioden som {{start: …, end: …}}, eller '{NOT_STATED}' om källan inte anger någon")
    return None if value == NOT_STATED else value


End = Annotated[dt.date | Month | int | Literal["anges inte"] | None, BeforeValidator(_end), WithJsonSchema(
    {"anyOf": [{"type": "string", "format": "date"}, MONTH_SCHEMA, {"type": "integer"},
               {"const": UNTIL_FURTHER_NOTICE}, {"const": NOT_STATED}]})]
Start = Annotated[dt.date | Month | int | None, NOT_BOOL, BeforeValidator(_month), MAY_BE_UNSTATED,
                  WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, MONTH_SCHEMA, {"type": "integer"},
                                            {"const": NOT_STATED}]})]


class Term(Record):
    """An agreement's term as precise as the source gives it: exact dates, months ('2022-03') or only years;
    `end: tills vidare` when it runs until further notice; `end: anges inte` where the source gives a start and
    says nothing of the end ('gäller från 2020'); no `start` (or `start: anges inte`) where the source gives only
    the end ('gällde fram till 2023')."""

    start: Start = None
    """None where the source states no start: the site then says so, and no start is ever inferred."""
    end: End

    @property
    def first_day(self) -> dt.date | None:
        """The first day the start can mean (a month's first, a year's 1 January): for status and sorting only,
        never shown as the start; None where no start is stated."""
        return None if self.start is None else dates.first_day(self.start)

    @property
    def first_year(self) -> int | None:
        first = self.first_day
        return None if first is None else first.year

    @property
    def sort_day(self) -> dt.date | None:
        """Where a list places the term: its first day, else (no start stated) its last; None without either."""
        return self.first_day or self.last_day

    @property
    def last_day(self) -> dt.date | None:
        """The last day the end can mean (a month's last, a year's 31 December); None until further notice or
        where no end is stated."""
        end = self.stated_end
        return None if end is None else dates.last_day(end)

    @property
    def stated_end(self) -> dt.date | Month | int | None:
        """The end as the source gives it (a date, a month or a year); None until further notice or where no end
        is stated (`end_stated` tells them apart)."""
        return None if isinstance(self.end, str) else self.end

    @property
    def end_stated(self) -> bool:
        """False where the source gives no end at all ('anges inte'), which is not 'until further notice'."""
        return self.end != NOT_STATED

    @property
    def until_further_notice(self) -> bool:
        return self.end is None

    @property
    def years_label(self) -> str:
        """'2021–2023', '2022' within one calendar year, '2021–' until further notice, or 't.o.m. 2023' where no
        start is stated."""
        first, last = self.first_day, self.last_day
        if first is None:
            return f"t.o.m. {last.year}" if last else ""
        if last is not None and last.year == first.year:
            return str(first.year)
        return f"{first.year}–{last.year if last else ''}"

    @property
    def period_label(self) -> str:
        """The term in an agreement's link or said title: '2018–2020', 'från 2021', 't.o.m. 2023'."""
        return self.years_label if self.last_day else f"från {self.first_year}"

    def covers_year(self, year: int) -> bool:
        """Whether the year may be one of the term's (any year up to the end where no start is stated)."""
        first, last = self.first_day, self.last_day
        return (first is None or first.year <= year) and (last is None or year <= last.year)

    @property
    def label(self) -> str:
        """The term exactly as precise as the source: '2021–2023', 'mars–augusti 2022', '2022',
        '1 oktober 2021 – 31 december 2023'; 'från …, tills vidare' without an end (dates.span); 'till och med 2023
        (start anges inte)' where no start is stated."""
        if self.start is None:
            assert self.stated_end is not None  # _ordered: a term states at least one of them
            return f"till och med {dates.long_date(self.stated_end)} (start {NOT_STATED})"
        if self.stated_end is None:
            return f"från {dates.long_date(self.start)}, {'tills vidare' if self.end_stated else f'slut {NOT_STATED}'}"
        return dates.span(self.start, self.stated_end)

    def status_on(self, day: dt.date) -> dates.Status:
        """Whether the term has not begun, is running or has ended on `day` (the build date); where no start is
        stated, only that it has ended tells (before its end it may not have begun: 'Start anges inte')."""
        if self.last_day is not None and day > self.last_day:
            return dates.Status.ENDED
        if self.first_day is None:
            return dates.Status.START_UNSTATED
        if day < self.first_day:
            return dates.Status.UPCOMING
        return dates.Status.IN_FORCE if self.end_stated else dates.Status.END_UNSTATED

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        for name, day in (("start", self.first_day), ("end", self.last_day)):
            if day is not None and (problem := year_problem(day.year)):
                raise FieldError((name,), problem)
        if self.first_day is None and not self.end_stated:
            raise FieldError(("end",), f"en period utan start och utan slut säger ingenting; skriv "
                                       f"'term: {NOT_STATED}'")
        if self.first_day is None and self.last_day is None:
            raise FieldError(("end",), f"en period utan start och utan slut säger ingenting; skriv slutet som källan "
                                       f"anger det, t.ex. {{end: 2023}}, eller 'term: {NOT_STATED}'")
        if self.last_day is not None and self.first_day is not None and self.last_day < self.first_day:
            raise FieldError(("end",), "perioden slutar innan den börjar; 'end' ska vara samma dag som "
                                       "eller efter 'start'")
        return self


MAX_AMOUNT = 10_000_000_000
"""Ten billion kronor a year: more than a Swedish municipality's whole budget, so a larger amount is a mistake."""
CURRENCY = "SEK"
"""The currency of every amount a record states (kronor): the open data say so with each amount."""
CENT = Decimal("0.01")
DECIMAL_COMMA = re.compile(r"(?<!\d)\d+,\d{1,2}")
"""Kronor and öre as Swedish text writes them ('7,50'): YAML reads them as text, the file writes 7.50."""
NOT_A_SUM = "ska vara ett tal i kronor (utan mellanslag eller 'kr'), t.ex. 250000, eller med öre 7.50"


def _kronor(value: object, signed: bool = False) -> dates.Money:
    """Whole kronor as an int; a sum with öre ('7,50 kronor per deltagare') as an exact Decimal, never a float (YAML
    reads 7.50 as one: its shortest form is the number written), at most two decimals; below zero only `signed`."""
    value = _not_bool(value)
    if isinstance(value, str) and DECIMAL_COMMA.fullmatch(value.strip()):
        raise ValueError(f"'{value}' skrivs med punkt före ören: {value.strip().replace(',', '.')}")
    if not isinstance(value, int | float | Decimal | str):
        raise ValueError(f"'{value}' {NOT_A_SUM}")
    try:
        said = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"'{value}' {NOT_A_SUM}") from None
    if not said.is_finite():
        raise ValueError(f"'{value}' {NOT_A_SUM}")
    if not (-MAX_AMOUNT if signed else 0) <= said <= MAX_AMOUNT:  # before quantize, which a huge number overflows
        raise ValueError(f"'{value}' är {'för litet' if said < 0 else 'för stort'}; gränsen är "
                         f"{(-MAX_AMOUNT if signed else 0) if said < 0 else MAX_AMOUNT}")
    if said != said.quantize(CENT):
        raise ValueError(f"'{value}' har fler än två decimaler; ett belopp anges i kronor och öre, t.ex. 7.50")
    return int(said) if said == said.to_integral_value() else said


Kronor = Annotated[dates.Money, PlainValidator(_kronor),
                   WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_AMOUNT})]
"""Kronor (SEK): whole, or with öre (two decimals at most)."""
SignedKronor = Annotated[dates.Money, PlainValidator(lambda value: _kronor(value, signed=True)),
                         WithJsonSchema({"type": "number", "minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT})]
"""A sum's kronor: below zero for a deviation or deficit ('minus 33,7 miljoner kronor'), which `Sum` allows only for
a result, forecast or budget (`NEGATIVE_NATURES`)."""
StatedKronor = Annotated[dates.Money | None, PlainValidator(
    lambda value: None if isinstance(value, str) and value.strip() == NOT_STATED else _kronor(value, signed=True)),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT},
                              {"const": NOT_STATED}]})]
"""A sum's kronor (SignedKronor), or None ('anges inte') where the source states the money but its figure is lost
("Kommunstyrelsen anvisar kronor 2011, 2012 och 2013"): a matter's sum only, never in a total."""
NEGATIVE_NATURES = (SumNature.UTFALL, SumNature.PROGNOS, SumNature.BUDGET)
"""The kinds of money a source may state below zero: a deviation from budget, a deficit."""
YEAR_COUNT = 50
"""The most years a funding row or a sum may count without naming them."""
YearCount = Annotated[int, Field(ge=1, le=YEAR_COUNT), NOT_BOOL]
"""A number of years the source counts without naming them ('i tre år')."""


def in_years(count: int) -> str:
    """'i tre år': years the source counts without naming them, as a funding row and a sum say it."""
    return f"i {dates.count(count)} år"


class Sum(Record):
    """A sum as the source states it: kronor, and whether it is a ceiling ('högst 500 000 kr'), a sum per year
    ('250 000 kr per år') or paid to someone the source names ('bidrag till Länsstyrelsen på 100 000 kr'). The one
    model of a funding row's and a matter's `amount`; a bare number is a plain sum."""

    kronor: StatedKronor
    """Below zero only for a result, forecast or budget the source states as a deviation or deficit; None ('anges
    inte') where the source states the money without its figure, shown 'belopp anges inte' with its qualifiers."""
    ceiling: bool = False
    """The source gives the sum as an upper limit ('högst', 'upp till'): never shown or summed as the sum paid."""
    per_year: bool | None = None
    """True for a sum per year ('årligen'), False for one over all the years a funding row counts; None where the
    source says neither (a matter's one-off sum, a funding row's calendar year)."""
    to: Text | None = None
    """Who receives it, where the source names someone else than the counterparty ('Länsstyrelsen')."""
    recipients: Annotated[int, Field(ge=1), NOT_BOOL] | None = None
    """How many share the sum, as the source counts them ('fördelas till 24 föreningar': `to: föreningar, recipients:
    24`), with `to` naming them in the plural: the sum is all of theirs, never split. A sum each of them receives is
    `per` with `count`."""
    from_party: Annotated[Text | None, Field(alias="from")] = None
    """Who the money comes from, where the source names another party that pays or grants it ('rekvirera 2,1
    miljoner kronor från Socialstyrelsen'): money received, so never in a total of what the counterparties
    receive; beside `to` where the source names both."""
    up_to_kronor: Kronor | None = None
    """The upper end of a range the source gives ('200 000–250 000 kronor'; `kronor` is the lower end)."""
    approximate: bool = False
    """The source gives the sum as an estimate ('ca', 'cirka'): never shown or summed as the sum paid. A cost the
    source says is 'beräknad' is a cost estimate (`nature: beräknat`)."""
    from_year: PlausibleYear | None = None
    """The first (or only) year the source gives the sum for ('500 000 kr för 2024', '290 000 kr per år 2023–2025');
    a single year is `from_year` alone. Never on a funding row, which has its own `year`."""
    to_year: PlausibleYear | None = None
    """The last year of the years the source gives the sum for, later than `from_year`."""
    years: YearCount | None = None
    """How many years the sum is for where the source counts them without naming them ('30 000 kronor per år i tre
    år'), with `per_year` saying whether it is each year's or all years' together: never multiplied into a total.
    Never on a funding row, which counts its own `years`."""
    per: Text | None = None
    """The unit the sum is per, as the source names it, singular ('servicepunkt', 'invånare'): the sum is each
    unit's, never multiplied or added into a total."""
    count: Annotated[int, Field(ge=1), NOT_BOOL] | None = None
    """How many units the source gives, with `per` ('13 servicepunkter'); `count_ceiling` where it says 'upp till'."""
    count_ceiling: bool = False
    """`count` is an upper limit ('upp till 13 servicepunkter'), not the number there will be."""
    as_given: Text | None = None
    """The sum in the source's own words ('19,1 miljoner kronor', '1,2 miljoner' with no currency), shown beside
    `kronor`, the exact number an editor writes from them; a number in thousands or millions there must be `kronor`
    (or a range's upper end)."""
    purpose: Text | None = None
    """What the money is for, in the source's words, with its preposition where it has one ('för tilläggsanslag',
    'att fastställa 2018 års budgeterade resultat'), shown verbatim after a comma."""
    period_as_given: Text | None = None
    """The period in the source's words where `from_year`/`to_year` cannot say it ('första halvåret 2026', 'under
    den kommande treårsperioden'), never beside them; on a funding row, words within the row's own year."""
    nature: SumNature | None = None
    """What kind of money the sum is where the source says it is not one the decision states as granted: refused
    ('avslaget'), requested by a body ('äskat'), applied for by an applicant ('ansökt'), a fee ('taxa'), a forecast of
    a result ('prognos'), a cost estimate ('beräknat'), a result ('utfall'), a budgeted figure ('budget') or money the
    municipality received ('mottaget'); shown as
    the label's prefix and in no total; a matter's only, since an agreement's funding is granted money. None: a sum
    the source states for the decision, shown
    neutrally."""
    financed_from: Text | None = None
    """Where the money comes from, in the source's words ('den budget som redan finns för projektet Tåg i tid',
    'medel avsatta till kommunstyrelsens förfogande')."""
    more_than: bool = False
    """The source gives the sum as a lower bound ('drygt 11 miljoner kronor', 'över 500 000 kr'): shown 'mer än',
    never summed; the source's own word stays in `as_given`."""
    less_than: bool = False
    """The source gives the sum as just below it ('knappt 2 miljoner'): shown 'mindre än', never summed."""
    plus_as_given: Text | None = None
    """What comes on top of the sum, in the source's words ('indexuppräkning' in '5 miljoner kronor plus
    indexuppräkning'): the sum is not the whole amount, so never summed."""
    change: ChangeKind | None = None
    """The sum is a change of another the source does not give ("höjer bidraget med 125 000 kronor": 'höjning'), not
    a total: shown 'höjning med 125 000 kr', never summed; a matter's only, as `nature`."""

    @property
    def label(self) -> str:
        """'högst 500 000 kr', '250 000 kr per år', '100 000 kr till Länsstyrelsen', 'ca 200 000–250 000 kr', '290 000
        kr per år 2023–2025', '80 000 kr per servicepunkt, högst 13', '19 100 000 kr (enligt källan: 19,1 miljoner
        kronor) till Samhällsbyggnadsnämnden, för tilläggsanslag', 'avslaget: 400 000 kr', 'taxa: 7,50 kr per
        kvadratmeter', '2 100 000 kr från Socialstyrelsen', '…; finansieras ur: medel avsatta till kommunstyrelsens
        förfogande', 'utfall: −33 700 000 kr', 'mer än 11 000 000 kr', '5 000 000 kr plus indexuppräkning', as the
        source qualifies it: the one label of a sum on pages and in the data."""
        per = {True: " per år", False: " sammanlagt", None: ""}[self.per_year]
        if self.kronor is None:
            said = f"belopp {NOT_STATED}"
        else:
            said = dates.kronor(self.kronor) if self.up_to_kronor is None else dates.kronor_range(self.kronor,
                                                                                                  self.up_to_kronor)
        return "".join((f"{self.nature.label}: " if self.nature else "",
                        f"{self.change.label} " if self.change else "", "högst " if self.ceiling else "",
                        "ca " if self.approximate else "", "mer än " if self.more_than else "",
                        "mindre än " if self.less_than else "",
                        beside_source_words(said, self.as_given) if self.as_given else said,
                        f" per {self.per}" if self.per else "", per, self._years_label,
                        f" plus {self.plus_as_given}" if self.plus_as_given else "",
                        f" från {self.from_party}" if self.from_party else "",
                        f" till {self._to_label}" if self.to else "", self._count_label,
                        f", {self.purpose}" if self.purpose else "",
                        f"; finansieras ur: {self.financed_from}" if self.financed_from else ""))

    @property
    def last_year(self) -> int | None:
        """The last year the sum is for: `to_year`, or `from_year` for a single year; None where none is given."""
        return self.to_year if self.to_year is not None else self.from_year

    @property
    def _years_label(self) -> str:
        """' 2023–2025' after 'per år', else ' för 2024' or ' för 2023–2025'; ' i tre år' for years counted, not
        named; the source's words for a period years cannot say (' första halvåret 2026'); '' where the source gives
        no period."""
        if self.period_as_given is not None:
            return f" {self.period_as_given}"
        if self.years is not None:
            return f" {in_years(self.years)}"
        if self.from_year is None:
            return ""
        years = str(self.from_year) if self.to_year is None else f"{self.from_year}–{self.to_year}"
        return f" {years}" if self.per_year else f" för {years}"

    @property
    def _to_label(self) -> str:
        """'Länsstyrelsen'; '24 föreningar' where the source counts the recipients."""
        return f"{self.recipients} {self.to}" if self.recipients is not None else self.to or ""

    @property
    def _count_label(self) -> str:
        """', högst 13' for 'upp till 13', ', antal 13' for a count the source states exactly (no plural)."""
        if self.count is None:
            return ""
        return f", {'högst' if self.count_ceiling else 'antal'} {self.count}"

    @property
    def summable(self) -> bool:
        """Whether the sum is one stated as paid to the counterparties: a ceiling, an estimate, a range, a sum per unit
        ('80 000 kr per servicepunkt'), a sum paid to someone else or received from another party, or one of a kind the
        source names (refused, requested, a fee, a forecast, a result, a budget: `nature`), a bound ('drygt', 'knappt')
        or a sum with something on top ('plus indexuppräkning'), is never added into a total of what they receive; nor
        is a sum whose figure the source does not give (`kronor: anges inte`), nor a change of another ('höjning')."""
        return (self.kronor is not None and not self.ceiling and not self.approximate and self.up_to_kronor is None
                and self.to is None and self.from_party is None and self.per is None and self.nature is None
                and not self.more_than and not self.less_than and self.plus_as_given is None
                and self.change is None)

    @model_validator(mode="after")
    def _one_way_to_bound(self) -> Sum:
        """A range's upper end above its lower; a ceiling is one upper limit, never a range's."""
        self._unstated_fits()
        if self.kronor is not None and self.up_to_kronor is not None and self.up_to_kronor <= self.kronor:
            raise FieldError(("up_to_kronor",), f"intervallets övre belopp ({self.up_to_kronor}) ska vara större än "
                                                f"'kronor' ({self.kronor}), t.ex. {{kronor: 200000, up_to_kronor: "
                                                "250000}")
        if self.up_to_kronor is not None and self.ceiling:
            raise FieldError(("ceiling",), "ett intervall har redan ett övre belopp ('up_to_kronor'); ta bort "
                                           "'ceiling'")
        self._sign_fits()
        self._bound_fits()
        self._years_fit()
        self._count_fits()
        self._words_fit()
        return self

    def _unstated_fits(self) -> None:
        """A sum whose figure the source does not give has nothing to bound, estimate or range: only what the source
        says around it (its years, purpose, where it comes from, …)."""
        if self.kronor is not None:
            return
        for field in ("ceiling", "approximate", "more_than", "less_than", "up_to_kronor", "as_given", "count"):
            if getattr(self, field) not in (None, False):
                raise FieldError((field,), f"'kronor: {NOT_STATED}' har ingen siffra som '{field}' kan gälla; ta bort "
                                           f"'{field}', t.ex. {{kronor: {NOT_STATED}, from_year: 2011, to_year: 2013, "
                                           "financed_from: den tillväxtpolitiska reserven}")

    def _sign_fits(self) -> None:
        """A sum below zero is a deviation or deficit, which only a result, forecast or budget can be; a change says
        its direction in words, its figure is never below zero."""
        if self.change is not None and self.kronor is not None and self.kronor < 0:
            raise FieldError(("kronor",), f"'change: {self.change.value}' säger redan åt vilket håll beloppet ändras; "
                                          f"skriv ändringen utan minustecken, t.ex. {{kronor: {-self.kronor}, change: "
                                          f"{self.change.value}}}")
        if self.kronor is not None and self.kronor < 0 and self.nature not in NEGATIVE_NATURES:
            raise FieldError(("kronor",), f"ett negativt belopp ({self.kronor}) är en avvikelse eller ett underskott "
                                          "och skrivs bara med 'nature: utfall', 'nature: prognos' eller 'nature: "
                                          "budget', t.ex. {kronor: -33700000, nature: utfall}")

    def _bound_fits(self) -> None:
        """'drygt' and 'knappt' are one bound of one sum: never both, nor beside an estimate, a ceiling or a range."""
        if self.more_than and self.less_than:
            raise FieldError(("less_than",), "ett belopp är antingen mer än ('more_than') eller mindre än "
                                             "('less_than') källans siffra, inte båda")
        bound = "more_than" if self.more_than else "less_than" if self.less_than else None
        if bound is None:
            return
        for field, said in (("approximate", self.approximate), ("ceiling", self.ceiling),
                            ("up_to_kronor", self.up_to_kronor is not None)):
            if said:
                raise FieldError((field,), f"'{bound}' säger redan hur beloppet förhåller sig till källans siffra; "
                                           f"skriv inte '{field}' bredvid, t.ex. {{kronor: 11000000, {bound}: true, "
                                           "as_given: 'drygt 11 miljoner kronor'}")

    def _years_fit(self) -> None:
        """Years as one span: a first year, and a last one only after it (a single year is `from_year` alone)."""
        if self.to_year is not None and self.from_year is None:
            raise FieldError(("from_year",), "'to_year' behöver ett första år; skriv t.ex. {kronor: 290000, per_year: "
                                             "true, from_year: 2023, to_year: 2025}")
        if self.to_year is not None and self.from_year is not None and self.to_year <= self.from_year:
            raise FieldError(("to_year",), f"sista året ({self.to_year}) ska vara senare än 'from_year' "
                                           f"({self.from_year}); ett enda år skrivs som bara 'from_year: "
                                           f"{self.from_year}'")
        self._counted_years_fit()

    def _counted_years_fit(self) -> None:
        """Years counted ('i tre år') are the period where the source names no year: never beside named years or the
        source's words for a period, and each year's or all years' together as the source says."""
        if self.years is None:
            return
        for field, said in (("from_year", self.from_year), ("period_as_given", self.period_as_given)):
            if said is not None:
                raise FieldError(("years",), f"'years' räknar åren där källan inte namnger dem; skriv perioden "
                                             f"antingen som 'years' eller som '{field}', inte båda")
        if self.per_year is None:
            raise FieldError(("per_year",), f"skriv om beloppet gäller varje år av de {dates.count(self.years)} "
                                            f"åren, {{kronor: 30000, per_year: true, years: {self.years}}}, eller "
                                            f"alla åren tillsammans, {{kronor: 90000, per_year: false, years: "
                                            f"{self.years}}}")

    def _count_fits(self) -> None:
        """A count is a number of units: it needs the unit (`per`), and 'upp till' needs the count."""
        if self.count is not None and self.per is None:
            raise FieldError(("per",), "'count' räknar enheter; skriv enheten som källan, i singular, t.ex. {kronor: "
                                       "80000, per: servicepunkt, count: 13}")
        if self.count_ceiling and self.count is None:
            raise FieldError(("count",), "'count_ceiling' säger att antalet är ett högsta antal; skriv antalet, "
                                         "t.ex. 'count: 13'")
        if self.recipients is not None:
            self._recipients_fit(self.recipients)

    def _recipients_fit(self, n: int) -> None:
        """A count of recipients says how many `to` names; a sum each unit receives counts them in `count`."""
        if self.per is not None:
            raise FieldError(("recipients",), f"med 'per: {self.per}' gäller beloppet per enhet; skriv antalet i "
                                              f"'count', t.ex. {{kronor: 50000, per: {self.per}, count: {n}}}")
        if self.to is None:
            raise FieldError(("to",), f"'recipients' räknar mottagarna; skriv vilka de är i 'to', i plural som "
                                      f"källan, t.ex. {{kronor: 1200000, to: föreningar, recipients: {n}}}")
        if self.to[0].isdigit():
            raise FieldError(("to",), f"antalet står redan i 'recipients'; skriv bara vilka i 'to', t.ex. "
                                      f"{{to: föreningar, recipients: {n}}}")

    def _words_fit(self) -> None:
        """The source's words say what the fields do not, and never contradict them."""
        if self.period_as_given is not None and self.from_year is not None:
            raise FieldError(("period_as_given",), "skriv perioden antingen som år ('from_year', 'to_year') eller med "
                                                   "källans ord ('period_as_given'), inte båda")
        if self.period_as_given is not None and YEARS_ONLY.fullmatch(self.period_as_given):
            raise FieldError(("period_as_given",), f"'{self.period_as_given}' är bara år; skriv dem som 'from_year' "
                                                   "och 'to_year', t.ex. {kronor: 500000, from_year: 2024}")
        for said in dates.kronor_in_words(self.as_given or ""):
            if self.kronor is not None and said not in (abs(self.kronor), self.up_to_kronor):
                raise FieldError(("kronor",), f"'as_given' ({self.as_given}) anger {said} kronor men 'kronor' är "
                                              f"{self.kronor}; skriv källans belopp i hela kronor, t.ex. 19,1 miljoner "
                                              "som 'kronor: 19100000'")

    @property
    def plain(self) -> bool:
        """A bare sum (written as a number): its data and pages are the same as before qualifiers existed."""
        return (self.summable and self.per_year is None and self.from_year is None and self.as_given is None
                and self.years is None and self.purpose is None and self.period_as_given is None
                and self.financed_from is None)


def _bare_sum(value: object) -> object:
    """A bare number is a plain sum (`amount: 250000`, as every record wrote it before qualifiers existed); anything
    but a mapping is checked as the number of kronor, with that field's messages."""
    return value if isinstance(value, dict | Sum) else {"kronor": value}


Amount = Annotated[Sum, BeforeValidator(_bare_sum, json_schema_input_type=Kronor | Sum)]
"""An amount as the source states it: a number of kronor, or a Sum with its qualifiers: the one rule for a funding
row's and a matter's amount."""


class Funding(Record):
    """Funding for one calendar year (`year`), or for a number of years the source does not name (`years`: '1,3 mnkr
    årligen i tre år'); a year may have only price compensation and no sum."""

    year: Annotated[PlausibleYear | None,
                    stated_or_words("året, t.ex. 2021"), NOT_STATED_IN_SCHEMA] = None
    """The calendar year; None ('anges inte') where the source names no year, and `years` counts them."""
    years: YearCount | None = None
    """How many years the row's sum is for, where the source does not name them: never placed in any calendar year."""
    amount: Annotated[Amount | None, Field(json_schema_extra=_may_be_unstated_in_schema)] = None
    """Kronor (SEK), as the source states it; with `years`, `per_year` says whether it is each year's or all years'.
    `amount: anges inte` where the source states funding but not its amount (`amount_unstated`)."""
    amount_unstated: SkipJsonSchema[bool] = False
    """The source states that there is funding, not how much ('ger varje år … medel'): read from `amount: anges
    inte`, never in a total, and the agreement is not one without funding."""
    per_year: bool | None = None
    """With `amount: anges inte`: the source says the funding is each year's ('varje år'); with a sum, `per_year` is
    the sum's (`amount: {kronor: …, per_year: true}`)."""
    price_compensation: bool = False
    """The amount is adjusted by the price compensation the committee receives (priskompensation)."""
    note: Text | None = None
    funder: Text | None = None
    """Who pays, where the source names someone other than the public party (Länsstyrelsen, Region Skåne, …)."""

    @model_validator(mode="before")
    @classmethod
    def _amount_unstated(cls, data: object) -> object:
        """`amount: anges inte`: funding the source states without its amount (`amount_unstated`)."""
        if isinstance(data, dict) and isinstance(data.get("amount"), str) and data["amount"].strip() == NOT_STATED:
            return {**{k: v for k, v in data.items() if k != "amount"}, "amount_unstated": True}
        return data

    @property
    def when(self) -> str:
        """'2021', 'i tre år (åren anges inte)' where the source counts the years without naming them, '(åren anges
        inte)' for a sum for the agreement, or '' where the sum names its span ('sammanlagt för 2021–2025')."""
        if self.year is not None:
            return str(self.year)
        if self.spans_years:
            return ""
        return f"{in_years(self.years)} (åren {NOT_STATED})" if self.years else f"(åren {NOT_STATED})"

    @property
    def spans_years(self) -> bool:
        """A total over years the source names ('169,5 miljoner kronor … under åren 2021 till 2025'): the row's sum
        says them, and no year's table splits it."""
        return self.amount is not None and self.amount.from_year is not None

    @property
    def named_years(self) -> range:
        """The calendar years the row's sum is for, where the source names them: its year, or a span's years; empty
        where it names none (`years`, a sum for the agreement)."""
        if self.year is not None:
            return range(self.year, self.year + 1)
        a = self.amount
        if a is not None and a.from_year is not None:
            return range(a.from_year, (a.to_year or a.from_year) + 1)
        return range(0)

    @property
    def total(self) -> dates.Money | None:
        """What the row states the counterparties receive in all: its sum, a sum per year times the years it
        counts ('1,3 mnkr årligen i tre år' is 3,9 mnkr), a span's sum (which no year's total splits, and the
        agreement's adds only alone in its years: Agreement.summed); None for a sum Sum.summable leaves out (a
        ceiling, an estimate, a range, a sum per unit, a sum paid to someone else; a sum's `nature` is refused on a
        row), a sum per year that price compensation adjusts (the later years' sums are not stated), or a sum per
        year whose years the source does not count ('en och en halv miljon om året')."""
        a = self.amount
        if a is None or a.kronor is None or not a.summable or (a.per_year and (self.price_compensation
                                                                                or self.years is None)):
            return None
        return a.kronor * self.years if a.per_year and self.years else a.kronor

    @property
    def left_out(self) -> bool:
        """Whether the row states a sum no total adds (a ceiling, an estimate, a range, a sum per unit, a sum paid to
        someone else, a sum per year that price compensation adjusts or whose years are not counted): the one rule
        of every total. A span the agreement's total leaves out beside a row for one of its years is the
        agreement's rule (Agreement.summed), not the row's."""
        return self.amount is not None and self.total is None

    def _said(self, compensation: str, unstated: str) -> str:
        if self.amount_unstated:
            each = ", varje år" if self.per_year else ""
            return f"belopp {NOT_STATED}{each}{compensation if self.price_compensation else ''}"
        return unstated if self.amount is None else self.amount.label + (compensation if self.price_compensation
                                                                          else "")

    def _dated(self, said: str) -> str:
        return f"{self.year}: {said}" if self.year is not None else " ".join(filter(None, (said, self.when)))

    @property
    def sum_label(self) -> str:
        """The row's sum without its year, as a year's table states it: 'högst 250 000 kr, med årlig
        priskompensation', 'ersättningen justeras med priskompensation (belopp anges inte)'."""
        return self._said(", med årlig priskompensation", "ersättningen justeras med priskompensation (belopp anges "
                                                          "inte)")

    @property
    def label(self) -> str:
        """The row as the agreement's page states it: '2021: högst 250 000 kr, med årlig priskompensation',
        '1 300 000 kr per år i tre år (åren anges inte)'."""
        return self._dated(self.sum_label)

    @property
    def brief(self) -> str:
        """The row in a list of agreements: '2021: 250 000 kr', '2022: priskompensation'."""
        return self._dated(self._said("", "priskompensation"))

    @property
    def for_the_agreement(self) -> bool:
        """A sum for the agreement whose years the source neither names nor counts ('medfinansiera järnvägen med
        195 miljoner kronor'): `year: anges inte` without `years`, and not a sum per year."""
        return self.year is None and self.years is None and not (self.amount and self.amount.per_year)

    @model_validator(mode="after")
    def _one_way_to_state_years(self) -> Funding:
        self._unstated_amount_fits()
        if (self.year is not None and self.years is not None) or (self.years is None
                                                                   and "year" not in self.model_fields_set):
            raise FieldError(("year",), "skriv året som 'year: 2021', eller antalet år som 'years: 3' och 'year: "
                                        f"{NOT_STATED}' om källan inte anger vilka år (inte båda), eller bara 'year: "
                                        f"{NOT_STATED}' för ett belopp utan år och utan antal år")
        if self.amount_unstated:
            return self
        if self.for_the_agreement and self.amount is None:
            raise FieldError(("amount",), "en rad utan år och utan antal år är ett belopp för hela överenskommelsen "
                                          "eller per år; skriv beloppet, t.ex. {year: anges inte, amount: 195000000}"
                                          ", eller {year: anges inte, amount: {kronor: 1500000, per_year: true}}")
        if self.years is not None and (self.amount is None or self.amount.per_year is None):
            raise FieldError(("amount",), "skriv om beloppet gäller varje år, {kronor: 1300000, per_year: true}, "
                                          "eller alla åren tillsammans, {kronor: 3900000, per_year: false}")
        if self.year is not None and self.amount is not None and self.amount.per_year is not None:
            raise FieldError(("amount", "per_year"), "en rad med 'year' gäller redan ett år; ta bort 'per_year'")
        return self

    def _span_fits(self, amount: Sum) -> None:
        """Years on a row's sum are a total over a span the source names ('169,5 miljoner kronor … under åren 2021
        till 2025'): on a row without its own year, all the years' together, never split into years."""
        if self.year is not None or self.years is not None:
            raise FieldError(("amount", "from_year"), "en rad i 'funding' har sitt eget år; skriv året som radens "
                                                      "'year' (en rad per år, t.ex. {year: 2024, amount: 500000}) och "
                                                      "ta bort 'from_year' och 'to_year' ur beloppet")
        if amount.to_year is None or amount.per_year is not False:
            raise FieldError(("amount", "from_year"), "ett belopp för flera namngivna år tillsammans skrivs {year: "
                                                      f"{NOT_STATED}, amount: {{kronor: 169500000, per_year: false, "
                                                      "from_year: 2021, to_year: 2025}}; ett år, eller ett belopp "
                                                      "per år, skrivs som en rad per år med radens 'year'")

    def _unstated_amount_fits(self) -> None:
        """`per_year` beside the amount says a stated amount's nothing: it belongs to one the source leaves out; the
        row's years are the row's own (`year`, `years`), never its sum's; funding is granted money, never refused; who
        pays it is the row's `funder`, never its sum's `from`."""
        if self.amount is not None and self.amount.kronor is None:
            raise FieldError(("amount", "kronor"), f"en rad i 'funding' vars belopp källan inte anger skrivs 'amount: "
                                                   f"{NOT_STATED}', t.ex. {{year: 2024, amount: {NOT_STATED}}}")
        if self.amount is not None and (nature := self.amount.nature) is not None:
            raise FieldError(("amount", "nature"), f"en rad i 'funding' är pengar som överenskommelsen ger; ett "
                                                   f"belopp med 'nature: {nature.value}' skrivs på nämndens ärende "
                                                   "('amount'), inte här")
        if self.amount is not None and (change := self.amount.change) is not None:
            raise FieldError(("amount", "change"), f"en rad i 'funding' är pengar som överenskommelsen ger; en "
                                                   f"{change.value} av ett annat belopp ('change: {change.value}') "
                                                   "skrivs på nämndens ärende ('amount'), inte här")
        if self.amount is not None and (payer := self.amount.from_party) is not None:
            raise FieldError(("amount", "from"), f"den som betalar en rad i 'funding' skrivs som radens 'funder', "
                                                 f"t.ex. {{year: 2024, amount: 500000, funder: {payer}}}")
        if self.amount is not None and (words := self.amount.period_as_given) is not None and any(
                int(y) != self.year for y in YEAR_IN_WORDS.findall(words)):
            raise FieldError(("amount", "period_as_given"), f"perioden ('{words}') nämner ett annat år än radens "
                                                            f"'year' ({self.year or NOT_STATED}); en rad gäller sitt "
                                                            "eget år, skriv året som radens 'year'")
        if self.amount is not None and (counted := self.amount.years) is not None:
            raise FieldError(("amount", "years"), f"en rad i 'funding' räknar sina år själv; skriv 'years: "
                                                  f"{counted}' och 'year: {NOT_STATED}' på raden, inte i beloppet")
        if self.amount is not None and self.amount.from_year is not None:
            self._span_fits(self.amount)
        if self.per_year is not None and not self.amount_unstated:
            raise FieldError(("per_year",), "'per_year' på raden hör till 'amount: anges inte'; med ett belopp skriv "
                                            "det i beloppet: {kronor: 1500000, per_year: true}")
        if self.per_year is not None and self.year is not None:
            raise FieldError(("per_year",), "en rad med 'year' gäller redan ett år; ta bort 'per_year'")


def _given_date(value: object) -> object:
    """A day, a month ('2021-06'), a year (2024) or a season as the source writes it ('våren 2020')."""
    if isinstance(value, str) and (season := dates.season_of(value)) is not None:
        value = season
    if isinstance(value, dates.Season | int) and not isinstance(value, bool):
        year = value.year if isinstance(value, dates.Season) else value
        if problem := year_problem(year):
            raise ValueError(problem)
        return value
    if isinstance(value, str) and not dates.MONTH.fullmatch(value.strip()) and not dates.plain_date(value.strip()):
        raise ValueError(f"'{value.strip()}' kan inte läsas som en tidpunkt; skriv ett datum (2021-06-30), en "
                         f"månad (2021-06), ett år (2024) eller en årstid som källan ('våren 2020', 'hösten 2021')")
    return _month(_not_bool(value))


GIVEN_SCHEMA: list[dict[str, Any]] = [{"type": "string", "format": "date"}, MONTH_SCHEMA, {"type": "integer"},
                                      {"type": "string", "pattern": f"^({'|'.join(dates.SEASONS)}) [0-9]{{4}}$",
                                       "examples": ["våren 2020"]}]
GivenDate = Annotated[dt.date | Month | int | dates.Season, BeforeValidator(_given_date),
                      WithJsonSchema({"anyOf": GIVEN_SCHEMA})]
"""A date as precise as the source gives it: a day, a month, a year or a season; the one rule for an agreement's
review date, its own date and its signing date ('som staden skrev på 2008', 'våren 2016')."""


def _signing(value: object) -> object:
    """'anges inte': signed, on a date the source does not state ('har skrivit på'); else a date as given."""
    return NOT_STATED if isinstance(value, str) and value.strip() == NOT_STATED else _given_date(value)


Signing = Annotated[dt.date | Month | int | dates.Season | Literal["anges inte"], BeforeValidator(_signing),
                    WithJsonSchema({"anyOf": [*GIVEN_SCHEMA, {"const": NOT_STATED}]})]
"""When an agreement was signed (GivenDate), or 'anges inte': the source says it is signed and not when."""


PersonName = Annotated[Text | None, stated_or_words("namnet som källan ger det"), NOT_STATED_IN_SCHEMA]
"""A person's name as the source gives it; None ('anges inte') where it names the person only by role."""


class Person(Record):
    """A person an agreement names, as the source names them: the one rule of name, role and organisation that a
    signer and a contact share (a contact has no signing date, a signer no address)."""

    name: PersonName
    """None ('anges inte') where the source names the person only by role ('kommunstyrelsens ordförande')."""
    role: Text | None = None
    organisation: Text | None = None

    @property
    def label(self) -> str:
        """'Ann-Marie Nilsson, kommunstyrelsens ordförande (Göteborgs Stad)': only what the source gives; 'namn anges
        inte, kommunstyrelsens ordförande' where it gives only the role."""
        named = person_label(self.name or f"namn {NOT_STATED}", self.role)
        return f"{named} ({self.organisation})" if self.organisation else named

    @property
    def function_named(self) -> bool:
        """Whether the record names a function rather than a person (a contact's `function`): no name is missing."""
        return False

    @model_validator(mode="after")
    def _someone(self) -> Self:
        if self.name is None and self.role is None and not self.function_named:
            raise FieldError(("role",), "källan anger varken namn eller roll; skriv rollen (t.ex. 'kommunstyrelsens "
                                        "ordförande') när namnet anges inte")
        return self


class Signatory(Person):
    """A person who signed an agreement, as the source names them ('Ann-Marie Nilsson, kommunstyrelsens
    ordförande'): not a contact (no address is published for them)."""

    date: GivenDate | None = None
    """When this party signed, as precise as the source ('Undertecknat för Uddevalla kommun 2023-03-02'): the
    signer's own date, never taken for the agreement's `signed` (nor `signed` for it)."""

    @property
    def signed_label(self) -> str | None:
        """'undertecknat 2 mars 2023' after the signer; None where the source gives no date for this signer."""
        return f"undertecknat {dates.long_date(self.date)}" if self.date is not None else None


CONTACT_PERSONS, CONTACT = "Kontaktpersoner", "Kontakt"
"""The heading of a list of contacts: all persons, or some a function ('kommunens växel')."""


def contacts_heading(contacts: Sequence[Contact]) -> str:
    """'Kontaktpersoner' where every contact is a person, 'Kontakt' where one is a function: the one rule of an
    agreement's and a meeting's page."""
    return CONTACT_PERSONS if not any(c.function_named for c in contacts) else CONTACT


class Contact(Person):
    """A contact named in an agreement or a meeting's source: a person, or a function to contact ('Kontakta
    kommunens växel')."""

    name: PersonName = None
    """As a person's name (Person.name); absent where the contact is a `function`."""
    function: Text | None = None
    """A function to contact rather than a person, in the source's words ('kommunens växel', 'Kultur- och
    fritidsförvaltningen'): instead of `name` and `role`, never taken for a person's name."""
    email: Email | None = None
    phone: Text | None = None
    """The phone number as the source gives it, on one line ('0498-26 90 00'): shown as given, never reformatted;
    the build's identity-number check reads it as every other text of the file (safety.py)."""

    @property
    def function_named(self) -> bool:
        return self.function is not None

    @property
    def label(self) -> str:
        """A person's label (Person.label); a function as the source names it: 'kommunens växel (Uddevalla
        kommun)'."""
        if self.function is None:
            return super().label
        return f"{self.function} ({self.organisation})" if self.organisation else self.function

    @model_validator(mode="after")
    def _person_or_function(self) -> Contact:
        """A person (`name`, 'anges inte' where only the role is given) or a function, never both."""
        if self.function is None and "name" not in self.model_fields_set:
            raise FieldError(("name",), f"skriv kontaktpersonens namn som källan ger det ('{NOT_STATED}' om den bara "
                                        "anger rollen), eller 'function' för en funktion som inte är en person, t.ex. "
                                        "{function: kommunens växel, phone: 0522-69 60 00}")
        for field, given in (("name", "name" in self.model_fields_set), ("role", self.role is not None)):
            if self.function is not None and given:
                raise FieldError((field,), f"'function' är en funktion, inte en person, och har inget '{field}'; "
                                           f"skriv antingen en person med '{field}' eller funktionen i 'function'")
        return self


class Deadline(Record):
    """A date or deadline an agreement or a matter states ('Avtalet ska utvärderas senast 30 juni 2025', "Fram till den
    16 mars har föreningar möjlighet att söka"): shown as its record's, never a calendar event nor a status."""

    what: Text
    """What is due, in the source's words ('Föreningen ska lämna en verksamhetsberättelse')."""
    date: GivenDate | None = None
    """The point in time, as precise as the source (a day, a month, a year or a season)."""
    as_given: Text | None = None
    """The time in the source's words where no date states it, or beside one ('senast 31 mars varje år')."""

    @model_validator(mode="after")
    def _when(self) -> Deadline:
        if self.date is None and self.as_given is None:
            raise FieldError(("date",), "skriv när: 'date' (t.ex. 2025-06-30) eller källans ord under 'as_given' "
                                        "(t.ex. 'senast 31 mars varje år'), eller båda")
        return self

    @property
    def when(self) -> str:
        """'30 juni 2025'; 'senast 31 mars varje år (enligt källan)'; with both, the date and then the source's words
        in brackets ('30 juni 2025 (enligt källan: senast 30 juni 2025)', `beside_source_words`): never a dash, which
        reads as a range from the date to the words."""
        if self.date is None:
            assert self.as_given is not None  # _when: one of them is stated
            return as_source_says(self.as_given)
        day = dates.long_date(self.date)
        return beside_source_words(day, self.as_given) if self.as_given else day


NOTICE_UNITS = (("days", "dag", "dagar"), ("weeks", "vecka", "veckor"), ("months", "månad", "månader"),
                ("years", "år", "år"))
"""The units a notice period is stated in, each with its Swedish singular and plural."""
NoticeCount = Annotated[int, Field(ge=1, le=1000), NOT_BOOL]
"""A notice period's count in its unit: a whole number, as a source states it."""


class NoticePeriod(Record):
    """An agreement's notice period (uppsägningstid) as the source states it: one count in one unit ("sex månaders
    uppsägningstid": `{months: 6}`); never a date the agreement ends on."""

    days: NoticeCount | None = None
    weeks: NoticeCount | None = None
    months: NoticeCount | None = None
    years: NoticeCount | None = None

    @property
    def stated(self) -> tuple[str, int]:
        """The one unit the source states, with its count."""
        return next((unit, n) for unit, *_ in NOTICE_UNITS if (n := getattr(self, unit)) is not None)

    @property
    def label(self) -> str:
        """'6 månader', '1 månad', '30 dagar'."""
        unit, n = self.stated
        one, many = next(words for name, *words in NOTICE_UNITS if name == unit)
        return f"{n} {one if n == 1 else many}"

    @model_validator(mode="after")
    def _one_unit(self) -> NoticePeriod:
        given = [unit for unit, *_ in NOTICE_UNITS if getattr(self, unit) is not None]
        if len(given) != 1:
            raise FieldError((given[1] if given else "months",), "skriv uppsägningstiden i en enhet som källan, "
                                                                 "t.ex. {months: 6} för sex månaders uppsägningstid "
                                                                 "(days, weeks, months eller years)")
        return self


class Obligation(Record):
    """An obligation the agreement puts on someone, as the source states it ('Erforderliga åtgärder på allmän
    platsmark ska bekostas av exploatören'): shown as the source's statement, never as done or checked."""

    by: Annotated[Text | None, stated_or_words("vems åtagandet är, som källan anger det (t.ex. exploatören)"),
                  NOT_STATED_IN_SCHEMA]
    """Whose obligation it is, as the source names them ('exploatören', 'bolaget'); None ('anges inte') where it
    names no one ('Erforderliga åtgärder ska bekostas'): never a party filled in."""
    what: Text
    """What is to be done, in the source's words."""

    @property
    def label(self) -> str:
        """'Exploatören: Erforderliga åtgärder … ska bekostas av exploatören'; 'Vem anges inte: …'."""
        return f"{upper_first(self.by) if self.by is not None else f'Vem {NOT_STATED}'}: {self.what}"


StepEnd = Annotated[dt.date | Month | int, NOT_BOOL, BeforeValidator(_month), WithJsonSchema(
    {"anyOf": [{"type": "string", "format": "date"}, MONTH_SCHEMA, {"type": "integer"}]})]
"""The end a step states: a day, a month ('2025-06') or a year, as precise as the source."""


def _fits_action(action: StepAction, to: str | None, end: dt.date | Month | int | None,
                 proposes: StepAction | None = None, as_given: str | None = None) -> None:
    """`to` and `proposes` belong to a proposal, `end` to an extension or a termination, or to a proposal to extend
    (the proposed end, which changes nothing: StepFields.proposed_end)."""
    if to is not None and action is not StepAction.PROPOSE:
        raise FieldError(("to",), f"'to' anger vilket organ ett förslag går till och hör bara till "
                                  f"'action: {StepAction.PROPOSE.value}'; ta bort 'to' eller ändra 'action'")
    if proposes is not None and action is not StepAction.PROPOSE:
        raise FieldError(("proposes",), f"'proposes' anger vad ett förslag gäller och hör bara till "
                                        f"'action: {StepAction.PROPOSE.value}'; ta bort 'proposes' eller ändra "
                                        "'action'")
    if proposes is StepAction.UNSTATED and as_given is None:
        raise FieldError(("proposes",), f"'proposes: {NOT_STATED}' skrivs med källans ord för vad som föreslås i "
                                        "'as_given' (t.ex. as_given: bör det anses orimligt att kommunen fullföljer "
                                        "avtalen); säger källan inte vad organet föreslås besluta, ta bort 'proposes' "
                                        "(ett förslag utan 'proposes' tas aldrig för ett antagande)")
    if proposes is StepAction.PROPOSE:
        others = ", ".join(a.value for a in StepAction if a not in (StepAction.PROPOSE, StepAction.UNSTATED))
        raise FieldError(("proposes",), f"ett förslag föreslår inte ett förslag; skriv vad organet föreslås "
                                        f"besluta ({others}), eller ta bort 'proposes' om källan inte säger det")
    if end is not None and not (action.states_end or proposes is StepAction.EXTEND):
        raise FieldError(("end",), f"'end' anger ett nytt slutdatum och hör bara till "
                                   f"'action: {StepAction.EXTEND.value}' eller '{StepAction.TERMINATE.value}', eller "
                                   f"till ett förslag att förlänga ('action: {StepAction.PROPOSE.value}', 'proposes: "
                                   f"{StepAction.EXTEND.value}'); ta bort 'end' eller ändra 'action'")
    if end is not None and (problem := year_problem(dates.last_day(end).year)):
        raise FieldError(("end",), problem)


Condition = Text
"""A condition a decision sets, in the source's words with its own conjunction ('under förutsättning att
kommunfullmäktige beslutar om finansiering'): shown after the step as given, never taken as met."""
By = Text
"""Who made or prepared a proposal that is no body's decision, in the source's words ('Kultur-, idrott- och
fritidsförvaltningen', 'Kommunledningskontoret'): shown as given, never made into a body."""

def _undated_in_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, a cited decision may also be paragraphs alone ('§ 68'; `_undated_paragraphs`)."""
    _not_stated_in_schema(schema)
    schema["anyOf"].append({"type": "string", "pattern": citations.UNDATED_PARAGRAPHS.pattern, "examples": ["§ 68"]})


CitedDecisionField = Annotated[CitationField | None, stated_or_words("beslutet, t.ex. '2024-06-12 § 120'"),
                               Field(json_schema_extra=_undated_in_schema)]
"""A decision as a source cites it: '2021-03-03 § 45', its month or its year; None ('anges inte') where the source
gives no date (then `body` names the body), with `paragraphs` where it gives them alone ('§ 68'): a cited step's
and a report's cited decision alike."""
UndatedParagraphs = SkipJsonSchema[tuple[int, ...]]
"""The paragraphs of a cited decision whose source gives no date, read from `decision: "§ 68"` (never written)."""


def _undated_paragraphs(data: object) -> object:
    """`decision: "§ 68"` (a protocol's table of contents, its date lost) is a decision without a date whose
    paragraphs are known: `decision` None ('anges inte') with `paragraphs` (citations.undated_paragraphs)."""
    if isinstance(data, dict) and isinstance(data.get("decision"), str):
        paragraphs = citations.undated_paragraphs(data["decision"])
        if paragraphs is not None:
            return {**data, "decision": NOT_STATED, "paragraphs": paragraphs}
    return data


def _dated_or_by_body(decision: Citation | None, body: str | None) -> None:
    """A cited decision is named by its date, or where the source gives none by its body ("har godkänts av
    kommunstyrelsen", "det av kommunstyrelsen beslutade …"): the one rule of CitedStep and CitedDecision."""
    if decision is None and body is None:
        raise FieldError(("decision",), "ett citerat beslut behöver ett datum eller ett organ; skriv beslutet "
                                        "(t.ex. '2024-06-12 § 120'); anger källan inget datum, skriv 'body: <id>' "
                                        f"och bara paragrafen ('§ 68') eller '{NOT_STATED}'")


class StepFields(Record):
    """What a step states, whether a published matter's (Step) or a cited decision's (CitedStep): its action, and
    where the action has them, the body a proposal goes to, what it proposes, the end and a condition."""

    action: StepAction
    to: Slug | None = None
    """The body a proposal goes to (a file in committees/), with 'föreslår'."""
    proposes: StepAction | None = None
    """With 'föreslår': what the proposal asks the other body to do ('säger upp', 'förlänger', …), where the source
    says it; None: what it proposes is not stated (never taken for an adoption)."""
    end: StepEnd | None = None
    """With 'förlänger': the new end, where the decision states it; with 'säger upp': the agreement's last day,
    where the decision states it; with 'föreslår' and 'proposes: förlänger': the end the proposal asks for, which
    changes nothing (proposed_end). Never inferred."""
    condition: Condition | None = None
    """A condition the decision sets, in the source's words ('under förutsättning att …')."""
    as_given: Text | None = None
    """The source's words for what the step proposes or does where no action says it ('bör det anses orimligt att
    kommunen fullföljer avtalen', with `proposes: anges inte`): shown in brackets after the step's wording, never
    read as an action."""

    @property
    def decided_end(self) -> dt.date | Month | int | None:
        """The end the decision itself sets (an extension's, a termination's): the only one the term reads."""
        return self.end if self.action.states_end else None

    @property
    def proposed_end(self) -> dt.date | Month | int | None:
        """The new end a proposal to extend asks for: shown as the proposal's, never the agreement's end."""
        return self.end if self.action is StepAction.PROPOSE else None

    @model_validator(mode="after")
    def _fields_fit_action(self) -> Self:
        self._own_fields_fit()
        _fits_action(self.action, self.to, self.end, self.proposes, self.as_given)
        return self

    def _own_fields_fit(self) -> None:
        """A kind of step's own fields, checked first: their messages say more than the shared ones."""


class CitedStep(StepFields):
    """A step taken by a decision whose meeting is not published here, as a source cites it (a report, a news
    item): the decision by date and paragraph, and the body only where the source names it; a decision the source
    names by its body alone ("har godkänts av kommunstyrelsen") is `decision: anges inte` with `body`."""

    decision: CitedDecisionField
    """The decision as cited: '2021-03-03 § 45'; None ('anges inte') where the source gives no date (then `body`
    names the body)."""
    paragraphs: UndatedParagraphs = ()
    """With no date: the paragraphs the source gives ('decision: "§ 68"')."""

    @model_validator(mode="before")
    @classmethod
    def _paragraphs_alone(cls, data: object) -> object:
        return _undated_paragraphs(data)
    body: Slug | None = None
    """The body that took it (a file in committees/), where the source names it; else the page names none."""
    by: By | None = None
    """Who made a proposal that is no body's decision, in the source's words ('Kultur-, idrott- och
    fritidsförvaltningen', 'Stadsledningskontoret'), with 'föreslår' and instead of `body`: shown as given."""

    announced: bool = False
    """`true` where the source announces the decision and it is not yet taken ("Beslut tas i kommunstyrelsen den 7
    november"): `decision` is the announced date as given (a day or a month), `action` what is to be decided. Shown
    apart from the taken steps; never in the term, the status, the signing or OParl's Consultations."""

    def _own_fields_fit(self) -> None:
        if self.announced and (self.paragraphs or (self.decision is not None and self.decision.paragraphs)):
            raise FieldError(("decision",), "ett aviserat beslut ('announced: true') är inte fattat och har ingen "
                                            "paragraf; skriv bara det datum källan anger, t.ex. '2017-11-07' eller "
                                            "'2017-11'")
        if self.announced and self.by is not None:
            raise FieldError(("by",), "ett aviserat beslut ('announced: true') fattas av ett organ; skriv "
                                      "'body: <id>' i stället för 'by'")
        if self.by is not None and self.body is not None:
            raise FieldError(("by",), "ange vem som föreslår antingen med 'body: <id>' (ett organ i committees/) "
                                      "eller med källans ord under 'by' (en förvaltning, en tjänsteperson), inte båda")
        if self.by is not None and self.action is not StepAction.PROPOSE:
            raise FieldError(("by",), f"'by' anger vem som lämnar ett förslag utan att vara ett organ och hör bara "
                                      f"till 'action: {StepAction.PROPOSE.value}'; ett beslut fattas av ett organ "
                                      "('body: <id>')")
        if self.by is None:
            _dated_or_by_body(self.decision, self.body)


class StatedStatus(Record):
    """A status a source states on its own date ("pågående" in a list published in May 2023): shown as the source's,
    on that date, beside the status the site derives; never carried past its date."""

    status: Text
    """The source's word for it ('pågående', 'avslutad'), as given."""
    date: Annotated[StepEnd | None, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA] = None
    """The date the source states it on (e.g. its publishing date): a day, a month ('2023-05') or a year; None
    ('anges inte', or no `date`) where the source gives none (an undated page): then the page says so. Not named
    `on`, which YAML reads as yes/no."""

    @model_validator(mode="after")
    def _year(self) -> StatedStatus:
        if self.date is not None and (problem := year_problem(dates.last_day(self.date).year)):
            raise FieldError(("date",), problem)
        return self

    @property
    def label(self) -> str:
        """'Pågående enligt källan (maj 2023)': the source's word, whose, and on which date; 'Har en överenskommelse
        enligt källan (datum anges inte)' where the source gives none."""
        when = dates.long_date(self.date) if self.date is not None else f"datum {NOT_STATED}"
        return f"{upper_first(self.status)} enligt källan ({when})"


class BodyText(StrEnum):
    """What an agreement's body is: the agreement's own text (the default), or a description of it (a web page that
    describes the agreement), which is never compared with another agreement's wording."""

    AGREEMENT = "överenskommelsen"
    DESCRIPTION = "beskrivning"


class Stage(StrEnum):
    """How far an agreement has come as far as the source says, where it says it is not yet entered: a draft
    ('Ett hyresavtal har arbetats fram … Efter erforderliga beslut … om att ingå hyresavtal')."""

    DRAFT = "utkast"


COMPUTED_TOTAL = "Summa av beloppen ovan (uträknad här)"
"""The site's own sum of the amounts an agreement states, as its page names it: arithmetic here, never a total the
source states (JSON `funding_stated_total`)."""

NO_PUBLIC_PARTY = "ingen"
"""`public_party: ingen`: the source says no public body is a party to the agreement (which is not 'anges inte')."""

OTHER_PARTIES = "och andra parter"
"""After the named counterparties where the source describes others without naming them: never 'only these'."""
NO_COUNTERPARTY = f"motpart {NOT_STATED}"
"""What lists and a said title say of an agreement whose source names no counterparty (`partner: anges inte`)."""
UNSTATED_KIND_IN_TITLE = "Överenskommelse"
"""What a title said from the facts calls an agreement whose source states no kind (`Agreement.title`)."""


def parties_named(names: list[str], described: str | None) -> str:
    """The counterparties as a list or a link names them: 'A, B och C'; a group as the source describes it; 'Urban
    Futures och andra parter' beside a described rest; 'Motpart anges inte' where the source names none."""
    named = dates.listing(names)
    if described:
        return f"{named} {OTHER_PARTIES}" if named else described
    return named or upper_first(NO_COUNTERPARTY)


PARTIAL_NOTE = "Uppgifterna bygger bara på en del av källan"
"""What a page says first of a record that covers only part of its source, before the editor's words."""


def _partial_words(value: object) -> object:
    """`partial` is words saying what the record covers; 'true' (YAML's yes) says nothing a reader can weigh."""
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' läses som ja/nej; skriv med ord vilken del av källan som återges, "
                         "t.ex. 'Endast protokollets första sidor har kunnat läsas'")
    return value


PARTIAL = BeforeValidator(_partial_words)
"""On a meeting's and an agreement's `partial`: words, never a yes or no."""

Partial = Annotated[Text, PARTIAL]
"""The editor's words for the part of its source a record covers (a meeting's, an agreement's `partial`)."""


def partial_line(partial: str | None) -> str:
    """What a page says first of a record that covers only part of its source ('' for the others): 'Uppgifterna
    bygger bara på en del av källan: Endast protokollets första sidor har kunnat läsas.' The one rule for meetings
    and agreements."""
    if partial is None:
        return ""
    return f"{PARTIAL_NOTE}: {partial}{'' if partial.endswith(('.', '!', '?')) else '.'}"


class Agreement(Sourced):
    """An agreement of any kind (an IOP, a samverkansavtal, an avsiktsförklaring, …) between a public party
    and one or more counterparties."""

    id: Slug
    given_title: Annotated[Text | None, stated_or_words("överenskommelsens rubrik som källan ger den"),
                           NOT_STATED_IN_SCHEMA, Field(alias="title")]
    """The title as the source gives it; None ('anges inte') where it gives none (a news item or a list of decisions
    that names the agreement only; an empty value stays a mistake): `title` is then said from the facts, never made
    up."""
    kind: Annotated[AgreementKind | None, LISTED_KIND, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA] = None
    """None ('anges inte') where the source does not say what kind of agreement it is (never taken for an IOP)."""
    kind_as_given: Text | None = None
    """The kind in the source's words where it is none of the listed ones ('marköverlåtelseavtal'): shown as given,
    while `kind`, which lists and open data classify by, stays unstated rather than stretched to fit."""
    partner: Annotated[Slug | Literal["anges inte"] | None, Field(union_mode="left_to_right")] = None
    """The counterparty (a file in partners/), when there is one; 'anges inte' where the source names none (the one
    form of 'no counterparty stated')."""
    partners: list[Slug] = []
    """The counterparties, when there are several (instead of `partner`)."""
    parties_described: Text | None = None
    """The counterparties as the source describes them ('alla idéburna organisationer i Lund'), where no partner file
    names them; beside `partner`/`partners`, the other parties the source describes ('andra parter i Urban Futures'):
    shown as given (described_label), never made into a partner record."""
    public_party: Annotated[Text | None, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA] = None
    """The public party (a förvaltning, the municipality); None ('anges inte') where the source does not name it;
    'ingen' where the source says no public body is a party (the council approves a deal between a foundation and a
    bank): then `public_party_named` is None and the page says so (`public_party_label`)."""
    committee: Slug | None = None
    committees: list[Slug] = []
    """The public bodies that are parties, when there are several (instead of `committee`; files in committees/)."""
    stated_status: StatedStatus | None = None
    """A status the source states on its own date, shown beside the derived one (never in its place)."""
    stage: Stage | None = None
    """`utkast` where the source says the agreement is drafted and not (yet) entered: the status says so (never 'Gäller'
    from the term alone) until a decision to adopt or join it, or a signing, is entered."""
    date: GivenDate | None = None
    """The date the agreement document carries, as precise as the source (a day, a month, a year or a season)."""
    signed: Signing | None = None
    """When it was signed, as precise as the source ('som staden skrev på 2008': 2008); 'anges inte' where the source
    says it is signed and not when ('har skrivit på ett treårigt kontrakt'); None where it says nothing of a signing."""
    signed_as_given: Text | None = None
    """The signing in the source's words, beside `signed` ("sent i fredags … alla samarbetspartners har nu skrivit
    på" in an undated news item): shown after it, never read as a date."""
    signed_by: list[Signatory] = []
    """Who signed it, as the source names them, each with their own date where the source gives it."""
    term: Annotated[Term | None, BeforeValidator(_stated), Field(json_schema_extra=_not_stated_in_schema)]
    """None ('anges inte') where the source states no term: the site then says so and guesses nothing."""
    term_as_given: Text | None = None
    """With `term: anges inte`: the term in the source's words where it cannot be dated ('fem månader under
    vintern'); shown as the source's, never read as dates (the status stays 'Period anges inte')."""
    review_by: GivenDate | None = None
    """When the agreement is to be reviewed at the latest, as precise as the source: a day, a month, a year or a
    season ('våren 2020')."""
    review_as_given: Text | None = None
    """A review the source states relative to something else ('efter tre år'), in its words (instead of
    `review_by`, which is a point in time and refuses other words, so that a mistyped date stays an error)."""
    deadlines: list[Deadline] = []
    """Dates and deadlines the agreement states ('verksamhetsberättelse senast 31 mars varje år'): shown in their own
    section, never in the calendar nor as a status."""
    obligations: list[Obligation] = []
    """Obligations the agreement states, each whose and what in the source's words ('Erforderliga åtgärder på allmän
    platsmark ska bekostas av exploatören'): shown in their own section, never taken as fulfilled."""
    conditions: list[Text] = []
    """Conditions the agreement states, each in the source's words ('Tillträde … ska ske när bolaget uppnått en
    försäljningsgrad motsvarande 60 procent'): shown as given, never taken as met, never a date or a status."""
    extension_option: Text | None = None
    """An option to extend, in the source's words ('med möjlighet till förlängning 5 år i taget'): no extension
    taken, so it never changes the status or the term."""
    notice_period: NoticePeriod | None = None
    """The notice period the source states ("sex månaders uppsägningstid": `{months: 6}`): never an end worked out."""
    notice_period_as_given: Text | None = None
    """The notice period in the source's words, beside `notice_period` or where no count states it ("tre månader
    före årsskiftet")."""
    case_number: CaseNumber | None = None
    renews: Slug | None = None
    preceded_by: list[Slug] = []
    """Other agreements the source says preceded this one (files in agreements/), beyond the one it renews."""
    preceded_as_given: Text | None = None
    """A predecessor the source names only in words, with no record of its own ('avtal sedan 2012'): shown as the
    source's, never made into an agreement."""
    adopted_by: CitationField | None = None
    """The adopting decision when its meeting is not published; otherwise a matter's `adopts` says it."""
    cited_steps: list[CitedStep] = []
    """Other steps taken by decisions whose meetings are not published (a proposal, a mandate, an extension, …)."""
    funding: list[Funding] = []
    contacts: list[Contact] = []
    persons: list[NamedPerson] = []
    """People the source names about the agreement in a role, e.g. quoted ({name: …, role: 'citeras, kommunstyrelsens
    ordförande'}), as a matter's `persons`, in its order: never its signers nor its contacts."""
    partial: Partial | None = None
    """Where the record covers only part of its source (an excerpt cut off mid-sentence: 'Nu föreslås att Oxel…'),
    the editor's words for what it covers, as a meeting's `partial`: the page says so first (`partial_line`)."""
    text: BodyText | None = None
    """`beskrivning` where the body describes the agreement (the editor has only a description of it), not its text;
    `överenskommelsen` or nothing where it is the agreement's own text."""
    body: Prose = ""
    _partner_names: tuple[str, ...] = PrivateAttr(())
    """The counterparties' names, given by the archive (`partners_named`): a title not given is said with them."""

    def partners_named(self, names: list[str]) -> None:
        """Let the agreement know its counterparties' names (the archive, once the partners are known)."""
        self._partner_names = tuple(names)

    @property
    def title(self) -> str:
        """The title wherever the agreement is named (its page, lists, links, search, open data, OParl `name`): the
        source's, else said from the facts, never made up: the kind as stated (else 'Överenskommelse'), 'med' the
        counterparties as named or described, and the period where stated ('Samarbetsavtal med åtta kommuner på
        Södertörn 2021–2023'), or that the source names no counterparty ('Marköverlåtelseavtal, motpart anges
        inte')."""
        if self.given_title is not None:
            return self.given_title
        kind = self.stated_kind or UNSTATED_KIND_IN_TITLE
        period = f" {self.term.period_label}" if self.term is not None else ""
        if not self.counterparties and not self.parties_described:
            return f"{kind}{period}, {NO_COUNTERPARTY}"
        names = parties_named(list(self._partner_names or self.counterparties), self.parties_described)
        return f"{kind} med {names}{period}"

    @property
    def title_given(self) -> bool:
        return self.given_title is not None

    @property
    def period_label(self) -> str:
        """The term as a link or a said title names it: '2018–2020', 'från 2021', 't.o.m. 2023', or 'period anges
        inte'."""
        return self.term.period_label if self.term is not None else f"period {NOT_STATED}"

    @property
    def text_is_description(self) -> bool:
        """The body describes the agreement: the page says so above it, and no renewal compares its wording."""
        return self.text is BodyText.DESCRIPTION

    @model_validator(mode="after")
    def _no_public_body(self) -> Self:
        if self.no_public_party and self.committees:
            raise FieldError(("committees",), f"'committees' anger offentliga organ som är parter, men "
                                              f"'public_party: {NO_PUBLIC_PARTY}' säger att ingen offentlig part "
                                              "finns; ta bort det ena (ett organ som bara beslutar om avtalet skrivs "
                                              "som 'committee')")
        return self

    @property
    def no_public_party(self) -> bool:
        """Whether the source says no public body is a party ('public_party: ingen'): never 'anges inte'."""
        return self.public_party is not None and self.public_party.strip().lower() == NO_PUBLIC_PARTY

    @property
    def public_party_named(self) -> str | None:
        """The public party as the source names it; None where it names none or says there is none."""
        return None if self.no_public_party else self.public_party

    @property
    def public_party_label(self) -> str:
        """'Socialförvaltningen'; 'ingen (enligt källan)'; 'anges inte'."""
        return as_source_says(NO_PUBLIC_PARTY) if self.no_public_party else shown(self.public_party)

    @property
    def stated_kind(self) -> str | None:
        """The kind as the page shows it (model.stated_kind)."""
        return stated_kind(self.kind, self.kind_as_given)

    @property
    def kind_label(self) -> str:
        return shown(self.stated_kind)

    @property
    def counterparties(self) -> list[str]:
        """The ids of every counterparty, in the order the file gives them."""
        return [self.partner] if self.partner and self.partner != NOT_STATED else list(self.partners)

    @property
    def partial_line(self) -> str:
        """What the page says first where the record covers only part of its source (`partial_line`)."""
        return partial_line(self.partial)

    @property
    def described_label(self) -> str:
        """The parties the source describes, as the fact box says them, the one wording rule: alone, its words marked
        as its own ('alla idéburna organisationer i Lund (enligt källan)'); after named counterparties, the others
        ('och andra parter: <described>'); '' where it describes none. Nothing is said of what the words name (they
        may name organisations that have no partner file), nor is a named partner said to be absent."""
        if not self.parties_described:
            return ""
        if self.counterparties:
            return f"{OTHER_PARTIES}: {self.parties_described}"
        return as_source_says(self.parties_described)

    @property
    def signed_on(self) -> dates.Given | None:
        """The signing date as the source gives it; None where it gives none (nor a signing)."""
        return None if isinstance(self.signed, str) else self.signed  # 'anges inte' is the one text it may be

    @property
    def preceded_label(self) -> str | None:
        """'Föregicks av (enligt källan): avtal sedan 2012': a predecessor with no record, in the source's words."""
        return f"Föregicks av (enligt källan): {self.preceded_as_given}" if self.preceded_as_given else None

    @property
    def signing_stated(self) -> bool:
        """The source says the agreement is signed, with or without a date."""
        return self.signed is not None

    @property
    def signed_label(self) -> str | None:
        """'9 juni 2021', 'datum anges inte' where it is signed on a date the source does not state, with the source's
        words after it where it gives them ('datum anges inte; enligt källan: sent i fredags …'); None where no signing
        is stated."""
        if self.signed is None:
            return None
        label = dates.long_date(self.signed_on) if self.signed_on is not None else f"datum {NOT_STATED}"
        return f"{label}; {source_says(self.signed_as_given)}" if self.signed_as_given else label

    @model_validator(mode="after")
    def _signed_as_given_beside_signed(self) -> Agreement:
        """The source's words for a signing are beside the signing it states, never one of their own."""
        if self.signed_as_given and self.signed is None:
            raise FieldError(("signed_as_given",), f"'signed_as_given' är källans ord om undertecknandet och skrivs "
                                                   f"bredvid 'signed': skriv också 'signed' (datumet, eller "
                                                   f"'{NOT_STATED}' om källan säger att avtalet är undertecknat men "
                                                   "inte när)")
        return self

    @property
    def counterparty_unstated(self) -> bool:
        """The source names no counterparty (`partner: anges inte`)."""
        return self.partner == NOT_STATED

    @property
    def review_label(self) -> str | None:
        """'Senast våren 2022', or the source's words for a review it states relative to something else: 'Efter tre år
        (enligt källan)'; None where no review is stated."""
        if self.review_by is not None:
            return upper_first(dates.at_latest(self.review_by))
        return as_source_says(upper_first(self.review_as_given)) if self.review_as_given else None

    @property
    def contacts_heading(self) -> str:
        """The heading of the page's contacts (`contacts_heading`)."""
        return contacts_heading(self.contacts)

    @property
    def notice_label(self) -> str | None:
        """'6 månader', with the source's words beside it ('6 månader (enligt källan: sex månaders uppsägningstid)'),
        or the words alone ('tre månader före årsskiftet (enligt källan)'); None where no notice period is stated."""
        words = self.notice_period_as_given
        if self.notice_period is None:
            return as_source_says(words) if words else None
        return beside_source_words(self.notice_period.label, words) if words else self.notice_period.label

    @property
    def bodies(self) -> list[str]:
        """The ids of every public body named as the agreement's (`committee` or `committees`), in the file's order."""
        return [self.committee] if self.committee else list(self.committees)

    @property
    def term_label(self) -> str:
        """The term's label; where it cannot be dated, the source's words for it ('fem månader under vintern (enligt
        källan)'), else that the source states none."""
        if self.term is not None:
            return self.term.label
        return as_source_says(self.term_as_given) if self.term_as_given else shown(None)

    @property
    def sort_day(self) -> dt.date:
        """Where lists place the agreement: its first day, else its own date (never shown as a term)."""
        if self.term is not None and self.term.first_day is not None:
            return self.term.first_day
        given = self.date or self.signed_on
        return (dates.first_day(given) if given else None) or (self.term.sort_day if self.term else None) or dt.date.min

    @property
    def summed(self) -> list[bool]:
        """Whether the stated total adds each row (in `funding`'s order): every row with a total (Funding.total) but
        a span whose years another such row also has (a year in it, another span over one of them). Adding both
        would count the same money twice, or guess how the source splits the span; the funding overview never adds
        a span either, so the two agree."""
        years = [set(f.named_years) if f.total is not None else set() for f in self.funding]

        def shared(i: int) -> bool:
            return any(j != i and years[i] & other for j, other in enumerate(years))

        return [f.total is not None and not (f.spans_years and shared(i)) for i, f in enumerate(self.funding)]

    @property
    def stated_total(self) -> dates.Money | None:
        """The sum of what the rows state the counterparties receive (Funding.total) that it adds (`summed`); None
        when no row states a sum that adds up (a ceiling, a sum paid to someone else, none at all)."""
        amounts = [t for f, added in zip(self.funding, self.summed, strict=True)
                   if added and (t := f.total) is not None]
        return sum(amounts) if amounts else None

    @property
    def left_out_of_total(self) -> str:
        """The rows whose sum the stated total leaves out (a row Funding.left_out names, a span beside a row for one
        of its years), as the page names them beside the total: '2021: högst 500 000 kr'; ''."""
        return "; ".join(f.brief for f, added in zip(self.funding, self.summed, strict=True)
                         if f.amount is not None and not added)

    @model_validator(mode="after")
    def _one_way_to_name_counterparties(self) -> Agreement:
        if self.partner and self.partners:
            raise FieldError(("partners",), "ange motparten antingen med 'partner: <id>' eller flera med "
                                            "'partners: [<id>, …]', inte båda")
        if self.parties_described == NOT_STATED and self.counterparties:
            raise FieldError(("parties_described",), "anger källan inga andra parter än de namngivna, ta bort "
                                                     "'parties_described'")
        if self.parties_described == NOT_STATED or (self.counterparty_unstated and self.parties_described):
            raise FieldError(("parties_described",), f"anger källan ingen motpart, skriv 'partner: {NOT_STATED}' och "
                                                     "ta bort 'parties_described'")
        if not self.counterparties and not self.parties_described and not self.counterparty_unstated:
            raise FieldError(("partner",), "motpart saknas; skriv 'partner: <id>' (en fil i partners/), "
                                           "'partners: [<id>, <id>]' för flera, 'parties_described: …' för en grupp "
                                           "som källan beskriver (t.ex. alla idéburna organisationer i kommunen), "
                                           f"eller 'partner: {NOT_STATED}' om källan inte anger någon motpart")
        if len(set(self.partners)) < len(self.partners):
            raise FieldError(("partners",), "samma motpart står flera gånger under 'partners'")
        return self

    @model_validator(mode="after")
    def _one_way_to_name_bodies(self) -> Agreement:
        """`committee` for one body, `committees` for several, as `partner`/`partners` (never both)."""
        if self.committee and self.committees:
            raise FieldError(("committees",), "ange nämnden antingen med 'committee: <id>' eller flera med "
                                              "'committees: [<id>, …]', inte båda")
        if len(set(self.committees)) < len(self.committees):
            raise FieldError(("committees",), "samma nämnd står flera gånger under 'committees'")
        return self

    @model_validator(mode="after")
    def _as_given_only_where_undated(self) -> Agreement:
        """The source's words for a term or a review belong where no date states it: never beside one."""
        if self.term_as_given is not None and self.term is not None:
            raise FieldError(("term_as_given",), f"'term_as_given' är källans ord för en period som inte kan "
                                                 f"dateras och hör till 'term: {NOT_STATED}'; ta bort den ena")
        if self.review_as_given is not None and self.review_by is not None:
            raise FieldError(("review_as_given",), "ange översynen antingen med 'review_by' (en tidpunkt) eller med "
                                                   "'review_as_given' (källans ord, t.ex. efter tre år), inte båda")
        if self.renews is not None and self.renews in self.preceded_by:
            raise FieldError(("preceded_by",), f"'{self.renews}' står redan under 'renews'; ta bort den ur "
                                               "'preceded_by'")
        if len(set(self.preceded_by)) < len(self.preceded_by):
            raise FieldError(("preceded_by",), "samma överenskommelse står flera gånger under 'preceded_by'")
        return self

    @model_validator(mode="after")
    def _one_way_to_state_kind(self) -> Agreement:
        one_way_to_state_kind(self.kind, self.kind_as_given, AgreementKind)
        return self

    @model_validator(mode="after")
    def _each_person_once(self) -> Agreement:
        each_person_once(self.persons)
        return self

    @model_validator(mode="after")
    def _funding_in_term(self) -> Agreement:
        years = [f.year for f in self.funding]
        for i, year in enumerate(years):
            if year is None:
                self._years_in_term(i, self.funding[i].years or 0)
                continue
            if self.term is not None and not self.term.covers_year(year):
                raise FieldError(("funding", i, "year"), f"finansiering för år {year} ligger utanför perioden "
                                 f"{self.term.years_label}; ändra året eller 'term'")
            if year in years[:i]:
                raise FieldError(("funding", i, "year"), f"år {year} står flera gånger under 'funding'; "
                                 "slå ihop raderna")
        return self


    def _years_in_term(self, i: int, count: int) -> None:
        """A row for years the source does not name counts no more years than a term with both ends has."""
        term = self.term
        if term is None or term.first_day is None or term.last_day is None:
            return
        if count > term.last_day.year - term.first_day.year + 1:
            raise FieldError(("funding", i, "years"), f"{count} år är fler än perioden {term.years_label} har; "
                                                      "ändra 'years' eller 'term'")


class Step(StepFields):
    """One step a matter's decision takes with an agreement: proposes it to another body, mandates its signing,
    adopts, amends, extends or terminates it. `refers_to` names the matter (usually another body's, in the same
    case) whose step this one follows, so that a case through nämnd, kommunstyrelse and kommunfullmäktige is one
    line of steps."""

    action: StepAction
    """What the published decision does; 'anges inte' only where the source does not say what was decided (a meeting
    known from a mention, a matter whose kind is not stated: Meeting._unstated_steps)."""
    agreement: Slug
    """The agreement (or letter of intent), a file in agreements/."""
    refers_to: Slug | None = None
    """The matter whose step this one follows (its id, in any meeting file)."""

    @model_validator(mode="before")
    @classmethod
    def _taken(cls, data: object) -> object:
        """A published matter's step is a decision taken at its meeting: 'announced' belongs to a cited step."""
        if isinstance(data, dict) and "announced" in data:
            raise FieldError(("announced",), "'announced' hör till ett citerat beslut ('cited_steps' i "
                                             "överenskommelsens fil); ett ärendes steg är ett fattat beslut – ta bort "
                                             "'announced', eller skriv det aviserade beslutet under 'cited_steps'")
        return data


def _not_negative(value: int) -> int:
    if value < 0:
        raise ValueError(f"{value} är ett negativt antal; skriv antalet röster som källan anger det (0 eller fler)")
    return value


VoteCount = Annotated[int, AfterValidator(_not_negative), Field(json_schema_extra={"minimum": 0}), NOT_BOOL]
"""A number of votes (or of members absent) as the protocol gives it: a whole number, 0 or more."""


VOTE_COUNTS = {"yes": "ja", "no": "nej", "abstained": "avstod", "absent": "frånvarande"}
"""A vote's counts: each field with the word a page puts after its number, in the page's order."""


class Vote(Record):
    """A vote (votering, omröstning) on a matter, as the protocol gives it: each count only where the source gives it
    ("30 ja, 30 nej, 1 avstod" has no absent members), how a tie was settled, the source's own words. Never a count
    worked out from the others or from the body's size."""

    yes: VoteCount | None = None
    no: VoteCount | None = None
    abstained: VoteCount | None = None
    absent: VoteCount | None = None
    """Members absent (frånvarande), where the source counts them."""
    decided_by: DecidedBy | None = None
    """How a tie was settled, where the source says it: the chair's casting vote, or drawing lots."""
    as_given: Text | None = None
    """The vote in the source's words ("Votering genomförd, 35 ja-röster mot 26 nej-röster")."""

    @property
    def counts(self) -> list[tuple[str, int]]:
        """The counts the source gives, each with its field's name, in the page's order."""
        return [(name, n) for name in VOTE_COUNTS if (n := getattr(self, name)) is not None]

    @property
    def label(self) -> str:
        """What a page says after 'Omröstning:': '30 ja, 30 nej, 1 avstod; avgjort med ordförandens utslagsröst', the
        source's words after the counts ('35 ja, 26 nej; enligt källan: Votering genomförd, …', as a date's words are
        given); nothing the source does not give."""
        counts = ", ".join(f"{n} {VOTE_COUNTS[name]}" for name, n in self.counts)
        settled = self.decided_by.settled if self.decided_by else ""
        given = source_says(self.as_given) if self.as_given else ""
        return "; ".join(x for x in (counts, settled, given) if x)

    @model_validator(mode="after")
    def _something_given(self) -> Vote:
        """A vote says at least one count or the source's words; a casting vote or a lot settles only a tie."""
        if not self.counts and self.as_given is None:
            raise ValueError("omröstningen är tom; skriv rösterna som källan anger dem, t.ex. {yes: 30, no: 30, "
                             "abstained: 1}, eller källans ord i 'as_given', eller ta bort 'vote'")
        if self.decided_by is not None and self.yes is not None and self.no is not None and self.yes != self.no:
            raise FieldError(("decided_by",), f"'{self.decided_by}' avgör bara vid lika röstetal, men källan anger "
                                              f"{self.yes} ja och {self.no} nej; rätta rösterna eller ta bort "
                                              "'decided_by'")
        return self


def _one_paragraph(value: str) -> str:
    """A text of one paragraph as a page shows it: its lines joined (YAML's `|` keeps the source's line breaks), and
    never two paragraphs (a blank line)."""
    if re.search(r"\n[ \t]*\n", value):
        raise ValueError("texten har flera stycken (en tom rad); skriv den som ett stycke, utan tomma rader")
    return " ".join(value.split())


Paragraph = Annotated[str, AfterValidator(_one_paragraph), StringConstraints(strip_whitespace=True, min_length=1),
                      PROSE]
"""Text of one paragraph, several lines allowed (a proposed decision's 'att …'), shown as one paragraph."""


DECISION_ONLY = ("effective", "effective_until", "effective_as_given", "effective_until_as_given",
                 "unanimous")
"""A matter's fields that only a decision (or a matter whose kind is not stated) has: refused beside a kind that
decides nothing (MatterKind.decides). A field of what was decided joins it."""

WRITTEN_AS = {"several_amounts": "amount", "several_case_numbers": "case_number", "decided_by_body": "decided_by"}

"""Fields read from another the editor writes (Matter.several_amounts from a list in `amount`): a message names the
field as written."""


class Assignment(Record):
    """A task the decision gives ("IT får i uppdrag att göra en rapport inför våren 2019"): who is assigned and what,
    each in the source's words, and by when as precise as it says (`by`), or in its words (`by_as_given`)."""

    to: Text
    """Who is assigned, as the source names them ('IT', 'Samhällsbyggnad'): never made into a body."""
    what: Text
    """What they are to do, in the source's words ('göra en rapport')."""
    by: GivenDate | None = None
    """The date it is due by, as precise as the source gives it (2019, 'våren 2019')."""
    by_as_given: Text | None = None
    """When it is due in the source's words ('inför våren 2019'): shown as given, never read as a date."""

    @property
    def label(self) -> str:
        """'Uppdrag till IT: göra en rapport (inför våren 2019)'; 'senast 2019' for a due date."""
        return self.labelled(proposed=False)

    def labelled(self, proposed: bool) -> str:
        """The one label rule: 'Föreslaget uppdrag till …' in a proposal to another body (`kind: förslag`), which
        that body may or may not give; 'Uppdrag till …' in a decision."""
        when = "; ".join(x for x in (dates.at_latest(self.by) if self.by is not None else "", self.by_as_given) if x)
        lead = "Föreslaget uppdrag till" if proposed else "Uppdrag till"
        return f"{lead} {self.to}: {self.what}{f' ({when})' if when else ''}"


class Position(Record):
    """A reservation or a special statement with the source's reason ("Sollentunapartiet reserverar sig … eftersom
    …"): who, and why in the source's words."""

    by: Text
    """The party or person, as the source names them."""
    reason: Paragraph | None = None
    """Why, in the source's words ('eftersom vård- och omsorgsnämnden inte är intresserade …')."""

    @property
    def label(self) -> str:
        return f"{self.by} ({self.reason})" if self.reason else self.by


def _plain_stance(value: object) -> object:
    """A reservation written as text (as before) is its `by`: one model, and a message names the entry's field."""
    return {"by": value} if isinstance(value, str) else value


_TEXT_SCHEMA = {"type": "string", "minLength": 1}
Stance = Annotated[Position, BeforeValidator(_plain_stance), WithJsonSchema({"anyOf": [_TEXT_SCHEMA, {
    "type": "object", "properties": {"by": _TEXT_SCHEMA, "reason": _TEXT_SCHEMA}, "required": ["by"],
    "additionalProperties": False}]})]
"""A reservation or a special statement: the party or person as text (as before), or {by, reason}."""


def stance_label(stance: Position) -> str:
    """'Sollentunapartiet (eftersom …)'; a plain entry as written."""
    return stance.label


def stance_data(stance: Position) -> str | dict[str, str]:
    """A reservation, a statement or who did not take part in the data: with nothing but who, the text it always
    was; else {by, reason, scope}, each only where the source gives it."""
    given: dict[str, str] = stance.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return given if len(given) > 1 else stance.by


class TookNoPartIn(StrEnum):
    """What someone did not take part in, as the source says it: the decision ("valde att inte delta i beslutet"),
    or the matter's handling ("anmäler jäv och deltar inte i ärendets handläggning"), never said to be the other."""

    DECISION = "beslutet"
    HANDLING = "handläggningen"

    @property
    def label(self) -> str:
        """What a matter's page says before the party or person: the one rule of the line."""
        return NOT_PARTICIPATING if self is TookNoPartIn.DECISION else NOT_IN_HANDLING


class NotParticipating(Position):
    """Who did not take part, as the source names them, with its reason in its words ('anmäler jäv') and what they
    did not take part in (`scope`): the decision, unless the source says the matter's handling."""

    scope: TookNoPartIn = TookNoPartIn.DECISION
    """'handläggningen' where the source says the matter's handling ("deltar inte i ärendets handläggning")."""

    @property
    def line(self) -> str:
        """'Deltog inte i ärendets handläggning: Anna Andersson (S) (anmäler jäv)'."""
        return f"{self.scope.label}: {self.label}"


NotTakingPart = Annotated[NotParticipating, BeforeValidator(_plain_stance), WithJsonSchema({"anyOf": [
    _TEXT_SCHEMA, {"type": "object", "properties": {"by": _TEXT_SCHEMA, "reason": _TEXT_SCHEMA, "scope": {
        "enum": [s.value for s in TookNoPartIn]}}, "required": ["by"], "additionalProperties": False}]})]
"""Who did not take part: the party or person as text (as before), or {by, reason, scope}."""


class ProposalMade(Record):
    """A proposal (yrkande) made at the meeting ("Anna Andersson (S) yrkar bifall till motionen"): who made it and
    what it proposes, in the source's words; never the decision."""

    by: Text
    """Who made it, as the source names them ('Socialdemokraterna', 'Anna Andersson (S)')."""
    what: Paragraph | None = None
    """What it proposes, in the source's words ('bifall till motionen')."""

    @property
    def label(self) -> str:
        return f"{self.by}: {self.what}" if self.what else self.by


class BasisDocument(Record):
    """A document the matter rests on that the source names but that is not published here ("I ärendet föreligger
    tjänsteutlåtande 2017-05-29 från kommunledningskontoret"); a tjänsteskrivelse with a case number is a report
    (reports/) instead."""

    title: Text
    """What the document is, in the source's words ('tjänsteutlåtande')."""
    date: GivenDate | None = None
    """Its date, as precise as the source gives it."""
    by: Text | None = None
    """Who wrote it, as the source names them ('kommunledningskontoret'): never made into a body."""

    @property
    def label(self) -> str:
        """'tjänsteutlåtande 29 maj 2017 från kommunledningskontoret'."""
        parts = (self.title, dates.long_date(self.date) if self.date is not None else "",
                 f"från {self.by}" if self.by else "")
        return " ".join(x for x in parts if x)


class Appeal(Record):
    """An appeal of a decision as the source tells it ("överklagades till länsrätten … I sitt beslut upphävde
    länsrätten beslutet på grund av jäv"): the court as it names it, the outcome in its words, the day it was decided
    as precise as it gives it. Shown under the decision; never changes its kind (the decision was taken)."""

    court: Text
    """Where it was appealed, as the source names it ('länsrätten', 'förvaltningsrätten i Göteborg')."""
    outcome_as_given: Text | None = None
    """What the court decided, in the source's words ('upphävde länsrätten beslutet på grund av jäv'); absent where
    the source does not say (pending, or not told): never inferred."""
    date: GivenDate | None = None
    """When the court decided, as precise as the source gives it."""
    earlier_as_given: Text | None = None
    """Where the appealed decision is an earlier one in the same case, not the matter's ("Beslutet fattades första
    gången i februari i år, men överklagades"): which, in the source's words."""

    @property
    def label(self) -> str:
        """'Överklagat till länsrätten; avgjort maj 2015; enligt källan: upphävde …'; an earlier decision's
        'Ett tidigare beslut i ärendet (enligt källan: …) överklagat till länsrätten; …'."""
        lead = (f"Ett tidigare beslut i ärendet ({source_says(self.earlier_as_given)}) överklagat"
                if self.earlier_as_given else "Överklagat")
        decided = f"avgjort {dates.long_date(self.date)}" if self.date is not None else ""
        outcome = source_says(self.outcome_as_given) if self.outcome_as_given else ""
        return "; ".join(x for x in (f"{lead} till {self.court}", decided, outcome) if x)


MAX_PERCENT = 1000
"""A rate above a thousand per cent is a mistake (a sum in kronor written as a rate)."""
PERCENT_PLACES = 4
NOT_A_RATE = "ska vara en procentsats som ett tal (utan 'procent' eller '%'), t.ex. 20.0 eller 3"
PERCENT_IN_WORDS = re.compile(r"(?<![\d,.])(\d+(?:[.,]\d+)?)\s*(?:procent|%)", re.IGNORECASE)
"""A rate in the source's words ('20.0 procent', '3,5 %'), so the number an editor writes can be checked against it."""


def _percent(value: object) -> Decimal:
    """A rate exactly as written (20.0 keeps its decimal: YAML's float is read through its text), never a float; not
    below zero (a lowering is a `change`), at most four decimals."""
    value = _not_bool(value)
    if isinstance(value, str) and DECIMAL_COMMA.fullmatch(value.strip()):
        raise ValueError(f"'{value}' skrivs med punkt före decimalerna: {value.strip().replace(',', '.')}")
    if not isinstance(value, int | float | Decimal | str):
        raise ValueError(f"'{value}' {NOT_A_RATE}")
    try:
        said = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"'{value}' {NOT_A_RATE}") from None
    if not said.is_finite() or not 0 <= said <= MAX_PERCENT:
        raise ValueError(f"'{value}' {NOT_A_RATE}, mellan 0 och {MAX_PERCENT}")
    if said != said.quantize(Decimal(1).scaleb(-PERCENT_PLACES)):
        raise ValueError(f"'{value}' har fler än {PERCENT_PLACES} decimaler")
    return said


Percent = Annotated[Decimal, PlainValidator(_percent),
                    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_PERCENT})]
"""A rate in per cent, exact as the source gives it (a Decimal: '20.0' stays '20,0 procent')."""


class Rate(Record):
    """A rate a decision states in per cent, not a sum ("skattesatsen på 20.0 procent", "höjning av taxan med 3
    procent"): never kronor, never in a total."""

    percent: Percent
    of: Text
    """What it is a rate of, in the source's words ('skattesatsen', 'taxan'), shown first."""
    as_given: Text | None = None
    """The rate in the source's own words ('20.0 procent'), shown beside the number as a sum's `as_given`."""
    change: ChangeKind | None = None
    """The rate is a change of another ("höjning av taxan med 3 procent": 'höjning'), as a sum's `change`."""

    @property
    def label(self) -> str:
        """'Skattesatsen: 20,0 procent (enligt källan: 20.0 procent)', 'Taxan: höjning med 3 procent': the one label of
        a rate on pages and in data."""
        said = dates.percent(self.percent)
        said = beside_source_words(said, self.as_given) if self.as_given else said
        return f"{upper_first(self.of)}: {f'{self.change.label} ' if self.change else ''}{said}"

    @model_validator(mode="after")
    def _words_fit(self) -> Rate:
        """The source's words, where they give a rate, give this one."""
        given = [Decimal(x.replace(",", ".")) for x in PERCENT_IN_WORDS.findall(self.as_given or "")]
        if given and self.percent not in given:
            raise FieldError(("percent",), f"'as_given' ({self.as_given}) anger {given[0]} procent men 'percent' är "
                                           f"{self.percent}; skriv källans procentsats, med punkt före decimalerna")
        return self


RESERVATION, NOT_PARTICIPATING = "Reservation", "Deltog inte i beslutet"
NOT_IN_HANDLING = "Deltog inte i ärendets handläggning"
STATEMENT, PROPOSAL_MADE, BASIS = "Särskilt yttrande", "Yrkande", "Underlag"
"""What a matter's page says before each party or person that reserved itself, or did not take part."""
UNANIMOUS, NOT_UNANIMOUS = "Enhälligt beslut", "Beslutet var inte enhälligt"
"""What a matter's page says where the source says the decision was unanimous, or that it was not (`unanimous`)."""
PREPARED_BY, PROPOSAL_BY = "Berett av", "Förslaget togs fram av"
"""What a matter's page says before who prepared the matter (`by`, the administration's preparation) and before who
drafted the proposal it decides on (`proposal_by`: parties, a group)."""
DECIDED_LATER = "Beslut fattas senare"
"""What a matter's page says before the body the source says will decide later (`decided_later_by`), or before its
words for when (`decided_later_as_given`)."""


class Matter(Record):
    """One matter (ärende) of a meeting: decided, reported or an election; its title and text come from its
    body section."""

    id: Slug
    given_title: Annotated[Text | None, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA, Field(alias="title")]
    """The heading as the source gives it (`## Rubrik {#id}`); None where the source gives the item none (`## anges
    inte {#id}`): pages then say so (`title`), never a heading made up."""
    kind: Annotated[MatterKind | None, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA] = None
    """What happened to the matter; None ('anges inte') where the source does not say (never taken for 'beslut')."""
    kind_as_given: Text | None = None
    """The item's label as the agenda or protocol gives it ('Beslutsärende', 'Anmälningsärende'): shown as given,
    instead of an unstated `kind` (as an agreement's `kind_as_given`) or beside a stated one (a 'Beslutsärende' may
    be tabled), never read as a `kind`."""
    paragraphs: list[Annotated[int, Field(ge=1), NOT_BOOL]] = []
    paragraphs_as_given: Text | None = None
    """The matter's paragraph in the protocol's words where it cannot be read as a number ("9 Läsårstider"): shown as
    given (the meeting's `paragraphs_as_given` rule), never read as a number."""
    case_number: Annotated[CaseNumber | None, Field(json_schema_extra=_several_case_numbers_in_schema)] = None
    """The case number; None where the source gives none, or where it gives several (`several_case_numbers`)."""
    several_case_numbers: SkipJsonSchema[list[CaseNumber]] = []
    """Two or more case numbers of one item ("KK11/120 KK11/110"): read from `case_number` written as a list, in the
    source's order; none is `case_number`. Messages name it as written (WRITTEN_AS)."""
    item: ItemNumber | None = None
    """The item's number as the source gives it ('5' for "Ärende 5."), never its place in the file."""
    case_number_as_given: Text | None = None
    """A case number as the source gives it where it is cut off ("KS2014/", the serial number lost in a copy): shown
    as the source's, beside `case_number` (known from elsewhere) or instead of it, never made a full one nor linked
    to a case file."""
    to: Slug | None = None
    """With 'kind: förslag': the body the proposal goes to (a file in committees/)."""
    adopts: list[Slug] = []
    """Agreements this decision adopts: short for a step with 'action: antar'."""
    steps: list[Step] = []
    """What this decision does with agreements: proposes, mandates, adopts, amends, extends, terminates."""
    agreements: list[Slug] = []
    """Agreements this matter concerns without taking a step (a follow-up, a report)."""
    concerns: list[Slug] = []
    """Partners this matter concerns (partners of adopted agreements are implied)."""
    amount: Annotated[Amount | None, Field(json_schema_extra=_several_sums_in_schema)] = None
    """An amount the decision states (a grant, a framework amount), in kronor; None where it states none, or where
    it states several (`several_amounts`)."""
    several_amounts: SkipJsonSchema[list[Amount]] = []
    """Two or more sums one decision states ('maximalt belopp på 1 000 000 kr', 'avsätts 2 000 000 kr'): read from
    `amount` written as a list, each as the source states it; none is `amount` (no one sum is the decision's).
    Messages name it as written (WRITTEN_AS)."""
    rates: list[Rate] = []
    """Rates the decision states in per cent ("skattesatsen på 20.0 procent"), in the source's order: never an
    amount, which is kronor."""
    refers_to: Slug | None = None
    """The earlier matter (of any body, in any meeting file) that this one continues where no agreement step says
    it: a proposal the council then deals with, a matter back on an agenda."""
    public: bool | None = None
    """Whether the item is open to the public (false: closed, 'sekretess'), where the source says so; it wins over
    the meeting's `public`. None: not stated."""
    vote: Vote | None = None
    """The vote on the matter, where the source gives one."""
    proposal: Paragraph | None = None
    """The proposed decision as the agenda or the minutes give it ("Förslag till beslut: Kommunfullmäktige beslutar
    att …"): shown as a proposal, never as the decision (which the body may change or reject, and `kind` states)."""
    condition: Condition | None = None
    """A condition the source sets on the matter's decision, in its words ("Mottagande verksamheter ska följa
    kommunens utvecklingsprogram och minimikrav"), as a step's `condition`: shown as given, never taken as met."""
    by: By | None = None
    """Who prepared the matter, in the source's words ("Kommunledningskontoret har utarbetat ett förslag":
    'Kommunledningskontoret'), as a cited step's `by`: shown as given, never made into a body."""
    proposal_by: Text | None = None
    """Who drafted the proposal the matter decides on, in the source's words ("det förslag som gemensamt tagits fram av
    M, KD, L, C och SfS": 'M, KD, L, C och SfS'): shown 'Förslaget togs fram av …', never 'Berett av' (`by`, the
    administration's preparation), never made into a body."""
    persons: list[NamedPerson] = []
    """People the matter names in a role (elected, resigning, an interpellant), as the source names them, in its
    order."""
    cited_decisions: list[CitedDecision] = []
    """Earlier decisions the matter cites ("KF § 45, 2019-03-25", "den senaste antogs 2007"), as a report's
    `cited_decisions` (published here or not)."""
    effective: GivenDate | None = None
    """When the decision takes effect, as precise as the source says it ("Reglerna gäller från 1 juli 2023"): shown
    'Gäller från 1 juli 2023', never taken from the meeting's date."""
    effective_until: GivenDate | None = None
    """When the decision stops applying, as precise as the source says it ("Beslutet gäller 1 januari – 31 december
    2021"): never before `effective`."""
    effective_as_given: Text | None = None
    """When the decision takes effect in the source's words where it gives no date to write ("med omedelbar verkan",
    "från den 30 oktober" without a year), or beside `effective`: shown as the source's, never read as a date."""
    effective_until_as_given: Text | None = None
    """When the decision stops applying in the source's words ("till och med den 19 november", "till september"), as
    `effective_as_given`."""
    reservations: list[Stance] = []
    """Reservations against the decision, each the party or person as the source gives them ("Socialdemokraterna",
    'S'), or {by, reason} with the source's reason, in its order."""
    statements: list[Stance] = []
    """Special statements (särskilda yttranden: "Moderaterna inkom med ett särskilt yttrande"), written as
    reservations are."""
    proposals_made: list[ProposalMade] = []
    """Proposals made at the meeting (yrkanden), in the source's order: never the decision."""
    documents: list[BasisDocument] = []
    """Documents the matter rests on that the source names but that are not published here."""
    not_participating: list[NotTakingPart] = []
    """Who did not take part, as the source names them ("Allianspartierna valde att inte delta i beslutet"), in its
    order; {by, reason, scope} with its reason ('anmäler jäv') and 'scope: handläggningen' where it says the matter's
    handling ("deltar inte i ärendets handläggning")."""
    decided_later_by: Slug | None = None
    """The body the source says will decide later ("Beslut ska senare fattas i kommunfullmäktige"; a file in
    committees/): shown as the source's statement, never a step or a proposal. Beside `kind: förslag` it is a body
    after `to`, the next one ("går vidare till kommunstyrelsen och kommunfullmäktige"), never `to` again."""
    decided_later_as_given: Text | None = None
    """When or where a later decision is expected, in the source's words ("Ärendet ska tas upp igen på nämndmöte under
    hösten"), beside `decided_later_by` or alone: shown as given, never read as a date or a body."""
    assignments: list[Assignment] = []
    """Tasks the decision gives, in the source's order."""
    deadlines: list[Deadline] = []
    """Dates and deadlines the matter states ("Fram till den 16 mars har föreningar möjlighet att söka": an application
    period), as an agreement's `deadlines`: shown under the matter, never a calendar event."""
    unanimous: bool | None = None
    """Whether the decision was unanimous, where the source says so ("Kommunfullmäktige beslutar enhälligt": true, "en
    oenig socialnämnd": false); None: not stated, never worked out from a vote."""
    unanimous_as_given: Text | None = None
    """The source's words for it ("ett politiskt enigt kommunfullmäktige"), shown beside `unanimous`."""
    start: Clock | None = None
    """When the item is to be dealt with, as the agenda times it ("kl. 09:00-09:15": "09:00"), in the meeting's clock
    form; never taken for when it was dealt with, nor checked against the meeting's time."""
    end: Clock | None = None
    """The end of the item's time ("kl. 09:00-09:15": "09:15"), only with `start`."""
    appeals: list[Appeal] = []
    """Appeals of the decision (or of an earlier one in the same case) as the source tells them, in its order: shown
    under the decision, never changing its kind."""
    section: Text | None = None
    """The heading the item stands under on the agenda or in the protocol, as the source words it ("Ärenden till
    kommunfullmäktige", "Informationsärenden"): a subheading before the first of its items on the meeting page
    (`Meeting.sections`); the items under one heading follow each other, in the source's order."""
    subject_as_given: Text | None = None
    """What the matter is about in the source's words where it gives the item no heading (a news item: "nya riktlinjer
    för föreningsbidrag"): named with the missing heading wherever the matter is (`title`), never made its heading."""
    body: Prose = ""

    @property
    def title(self) -> str:
        """The heading wherever the matter is named: the source's, or that the source gives none, with its words for
        what the matter is about where it gives them ('Rubrik anges inte; enligt källan: nya riktlinjer …')."""
        if self.given_title is not None:
            return self.given_title
        return f"Rubrik {NOT_STATED}; {source_says(self.subject_as_given)}" if self.subject_as_given else NO_TITLE

    @model_validator(mode="after")
    def _subject_without_heading(self) -> Matter:
        """The source's words for the subject stand in for a heading it does not give: never beside one."""
        if self.subject_as_given is not None and self.given_title is not None:
            raise FieldError(("subject_as_given",), f"ärendet har rubriken '{self.given_title}'; 'subject_as_given' "
                                                    "är källans ord för vad ärendet gäller där källan inte ger någon "
                                                    f"rubrik ('## {NOT_STATED} {{#id}}') – ta bort 'subject_as_given'")
        return self

    @property
    def title_given(self) -> bool:
        return self.given_title is not None

    @property
    def after_decision(self) -> str:
        """What follows the decision's label where a page names the matter by it (an agreement's 'Beslutat', its
        steps): ': <heading>', or ' – ärendets rubrik anges inte i källan', never the missing heading read as the
        decision's name; the source's words for what it is about, where given, as its title says them."""
        if self.given_title is None and self.subject_as_given is None:
            return f" – {NO_TITLE_AFTER_DECISION}"
        return f": {self.title}"

    @property
    def kind_label(self) -> str:
        """The kind as the page says it: the listed kind's label, else the source's words (model.stated_kind, the rule
        of an agreement's kind), and the source's words after a listed kind where it gives both: 'Bordlagt (inget
        beslut ännu); enligt källan: Beslutsärende'."""
        label = shown(stated_kind(self.kind, self.kind_as_given))
        return f"{label}; {source_says(self.kind_as_given)}" if self.kind and self.kind_as_given else label

    @property
    def public_label(self) -> str:
        """'Ja' or 'Nej' where the source says whether the item is open to the public; '' where it does not."""
        return yes_no(self.public)

    @property
    def item_label(self) -> str | None:
        """The agenda item's number as pages label it, 'Punkt 5': never 'Ärendenummer', which bodies use for the case
        number; None where the source numbers no item."""
        return f"Punkt {self.item}" if self.item else None

    @property
    def effective_label(self) -> str:
        """'Gäller från 1 juli 2023', 'Gäller 1 januari 2021 – 31 december 2021' (the period rule, dates.span),
        'Gäller till och med 31 december 2021', each as the source says it; the source's words beside a date ('Gäller
        från 1 juli 2023 (enligt källan: från läsårets start)') or in its place ('Gäller med omedelbar verkan
        (enligt källan)'), marked once where both ends are words; '' where it says neither."""
        start, end = self.effective, self.effective_until
        start_words, end_words = self.effective_as_given, self.effective_until_as_given
        if start_words is None and end_words is None and start is not None and end is not None:
            return f"Gäller {dates.span(start, end)}"
        if start is None and end is None and start_words and end_words:
            return f"Gäller {as_source_says(f'{start_words}, {end_words}')}"
        parts = (_when_effective("från", start, start_words), _when_effective("till och med", end, end_words))
        return f"Gäller {', '.join(x for x in parts if x)}" if any(parts) else ""

    @property
    def positions(self) -> list[tuple[str, str]]:
        """The parties' positions beside the decision, each a (class, line) a page lists: 'Reservation: S',
        'Deltog inte i beslutet: Allianspartierna', in the source's order within each."""
        return [*(("proposal-made", f"{PROPOSAL_MADE}: {p.label}") for p in self.proposals_made),
                *(("reservation", f"{RESERVATION}: {stance_label(r)}") for r in self.reservations),
                *(("statement", f"{STATEMENT}: {stance_label(r)}") for r in self.statements),
                *(("not-participating", p.line) for p in self.not_participating),
                *(("document", f"{BASIS}: {d.label}") for d in self.documents)]

    def not_participating_in(self, scope: TookNoPartIn) -> list[NotParticipating]:
        """Who did not take part in the decision, or in the matter's handling, as the source says it."""
        return [p for p in self.not_participating if p.scope is scope]

    @property
    def unanimous_label(self) -> str:
        """'Enhälligt beslut (enligt källan: Kommunfullmäktige beslutar enhälligt)', 'Beslutet var inte enhälligt';
        '' where the source does not say."""
        if self.unanimous is None:
            return ""
        said = UNANIMOUS if self.unanimous else NOT_UNANIMOUS
        return beside_source_words(said, self.unanimous_as_given) if self.unanimous_as_given else said

    @model_validator(mode="after")
    def _unanimous_as_stated(self) -> Matter:
        """The source's words beside a stated `unanimous`; a unanimous decision has no votes against it."""
        if self.unanimous_as_given is not None and self.unanimous is None:
            raise FieldError(("unanimous_as_given",), "'unanimous_as_given' är källans ord för om beslutet var "
                                                      "enhälligt; skriv också 'unanimous: true' (enhälligt) eller "
                                                      "'unanimous: false' (inte enhälligt)")
        if self.unanimous and self.vote is not None and self.vote.no:
            raise FieldError(("unanimous",), f"omröstningen har {self.vote.no} nej-röster, så beslutet var inte "
                                             "enhälligt; rätta 'vote' eller 'unanimous'")
        return self

    @property
    def assignments_proposed(self) -> bool:
        """Whether the tasks are only proposed: in a proposal to another body, which decides them."""
        return self.kind is MatterKind.FORSLAG

    @property
    def assignment_labels(self) -> list[str]:
        """Each task as the page says it, proposed or given (Assignment.labelled)."""
        return [a.labelled(self.assignments_proposed) for a in self.assignments]

    @property
    def paragraphs_label(self) -> str:
        """The matter's paragraph as the protocol words it: '9 Läsårstider (enligt källan)'; '' where none."""
        return paragraphs_label(self.paragraphs_as_given)

    @property
    def time_label(self) -> str:
        """The item's time as its page says it, 'kl. 09.00–09.15' (the meeting's rule, `dates.hours`); '' where the
        source gives none."""
        return f"kl. {dates.hours(self.start, self.end)}" if self.start else ""

    @property
    def heading_level(self) -> int:
        """The level of the item's heading on the meeting page: under its section's heading (3), or of its own (2)."""
        return 3 if self.section else 2

    @property
    def appeal_labels(self) -> list[str]:
        """Each appeal as the page says it (Appeal.label)."""
        return [a.label for a in self.appeals]

    @model_validator(mode="after")
    def _item_time_in_order(self) -> Matter:
        _check_times(self.start, self.end, "punkten slutar innan den börjar")
        return self

    @property
    def case_number_as_given_label(self) -> str:
        """What the 'Diarienummer' line says of the source's words: after the case numbers ' (enligt källan:
        KS2014/)', alone 'anges inte (enligt källan: KS2014/)'; '' where the source gives none so."""
        if not self.case_number_as_given:
            return ""
        if self.case_numbers:
            return f" ({source_says(self.case_number_as_given)})"
        return beside_source_words(NOT_STATED, self.case_number_as_given)

    @model_validator(mode="after")
    def _case_number_as_given_not_repeated(self) -> Matter:
        if self.case_number_as_given in self.case_numbers:
            raise FieldError(("case_number_as_given",), f"'{self.case_number_as_given}' står redan i 'case_number'; "
                                                        "ta bort 'case_number_as_given' (det är för ett diarienummer "
                                                        "som källan inte ger helt, t.ex. 'KS2014/')")
        return self

    @property
    def case_numbers(self) -> list[str]:
        """Every case number of the item, in the source's order: the one, or the several."""
        return [self.case_number] if self.case_number else list(self.several_case_numbers)

    @model_validator(mode="before")
    @classmethod
    def _several_cases(cls, data: object) -> object:
        """`case_number` as a list: one is `case_number` as before; two or more are `several_case_numbers`."""
        if isinstance(data, dict) and isinstance(data.get("case_number"), list):
            numbers = data["case_number"]
            if len(numbers) == 1:
                return {**data, "case_number": numbers[0]}
            if numbers:
                return {**{k: v for k, v in data.items() if k != "case_number"}, "several_case_numbers": numbers}
            raise FieldError(("case_number",), "listan är tom; skriv diarienumren som källan anger dem, eller ta "
                                               "bort 'case_number'")
        return data

    @model_validator(mode="after")
    def _effective_in_order(self) -> Matter:
        start, end = self.effective, self.effective_until
        if start is not None and end is not None and _latest_day(end) < dates.first_day(start):
            raise FieldError(("effective_until",), f"'effective_until' ({dates.long_date(end)}) ligger före "
                                                   f"'effective' ({dates.long_date(start)}); skriv dagen beslutet "
                                                   "slutar gälla, efter dagen det börjar gälla")
        for field in ("effective", "effective_until"):
            words = getattr(self, f"{field}_as_given")
            if words is not None and getattr(self, field) is None and (year := re.search(r"\b\d{4}\b", words)):
                raise FieldError((f"{field}_as_given",), f"'{words}' anger ett år ({year.group()}); skriv tidpunkten "
                                                         f"i '{field}' (en dag, en månad, ett år eller en årstid, "
                                                         f"t.ex. {year.group()}) och behåll källans ord i "
                                                         f"'{field}_as_given' bredvid, eller ta bort dem")
        return self

    @model_validator(mode="after")
    def _decided_later_not_the_next_body(self) -> Matter:
        """A proposal's `to` is the next body; a later decider beside it is another one ("går vidare till
        kommunstyrelsen och kommunfullmäktige"), never the same body twice."""
        if (self.decided_later_by is not None and self.kind is MatterKind.FORSLAG
                and self.decided_later_by == self.to):
            raise FieldError(("decided_later_by",), f"'{self.to}' är redan 'to', organet som förslaget går till; "
                                                    "ta bort 'decided_later_by', eller skriv där ett annat organ som "
                                                    "enligt källan beslutar senare")
        return self

    @property
    def is_proposal(self) -> bool:
        """Whether the matter is a proposal to another body (its page then says where it goes, or that the source
        does not say)."""
        return self.kind is MatterKind.FORSLAG

    @property
    def decides(self) -> bool:
        """Whether the matter is a decision, or may be one (its kind unstated)."""
        return self.kind is None or self.kind.decides

    @property
    def is_decision(self) -> bool:
        """Whether the source states the matter is a decision (its kind one): an unstated kind is not known to be."""
        return self.kind is not None and self.kind.decides

    @model_validator(mode="before")
    @classmethod
    def _several_sums(cls, data: object) -> object:
        """`amount` as a list: one sum is `amount` as before; two or more are `several_amounts`, none of them
        `amount` (a client reading one number never takes one of them for the decision's)."""
        if isinstance(data, dict) and isinstance(data.get("amount"), list):
            sums = data["amount"]
            if len(sums) == 1:
                return {**data, "amount": sums[0]}
            if sums:
                return {**{k: v for k, v in data.items() if k != "amount"}, "several_amounts": sums}
            raise FieldError(("amount",), "listan är tom; skriv beloppen som källan anger dem, eller ta bort "
                                          "'amount' om beslutet inte anger något belopp")
        return data

    @property
    def prepared_labels(self) -> list[str]:
        """'Berett av: Kommunledningskontoret', 'Förslaget togs fram av M, KD, L, C och SfS': who prepared the matter
        and who drafted its proposal, each where the source says it."""
        return [x for x in (f"{PREPARED_BY}: {self.by}" if self.by else "",
                            f"{PROPOSAL_BY} {self.proposal_by}" if self.proposal_by else "") if x]

    @model_validator(mode="after")
    def _drafted_by_another(self) -> Matter:
        """Who drafted the proposal is another fact than who prepared the matter: never the same words twice."""
        if self.proposal_by is not None and self.by is not None and self.proposal_by.casefold() == self.by.casefold():
            raise FieldError(("proposal_by",), f"'{self.proposal_by}' står redan i 'by' (Berett av); skriv den som "
                                               "tog fram förslaget i 'proposal_by' bara när källan säger att någon "
                                               "annan än den som beredde ärendet gjorde det, annars ta bort "
                                               "'proposal_by'")
        return self

    @property
    def rate_labels(self) -> list[str]:
        """Each rate as the page says it ('Skattesatsen: 20,0 procent'), in the source's order."""
        return [r.label for r in self.rates]

    @property
    def amounts(self) -> list[Sum]:
        """Every sum the decision states, in the source's order: the one `amount`, or the several."""
        return [self.amount] if self.amount is not None else list(self.several_amounts)

    @model_validator(mode="after")
    def _kind_as_given_fits(self) -> Matter:
        """The source's label is another fact than `kind`: an item the agenda labels 'Information' may be tabled
        ('kind: bordlagt'). Only without a stated kind is a listed kind in its words refused (it is `kind`), and
        beside one, words that repeat it."""
        if self.kind is None:
            no_listed_kind_as_given(self.kind_as_given, MatterKind)
        elif self.kind_as_given is not None and self.kind_as_given.casefold() in (self.kind.value,
                                                                                  self.kind.label.casefold()):
            raise FieldError(("kind_as_given",), f"'{self.kind_as_given}' säger samma sak som 'kind: "
                                                 f"{self.kind.value}'; ta bort 'kind_as_given'")
        return self

    @model_validator(mode="after")
    def _decided_only_by_a_decision(self) -> Matter:
        """What only a decision has (DECISION_ONLY: when it takes effect) is refused on an item that decided nothing
        (tabled, referred back, information, …): a page would show it under 'Bordlagt (inget beslut ännu)'."""
        if self.decides:
            return self
        for name in DECISION_ONLY:
            if getattr(self, name) is not None:
                raise FieldError((name,), f"'{name}' hör bara till ett beslut, men 'kind: {self.kind}' är inget "
                                          f"beslut; ta bort '{name}' eller ändra 'kind'")
        return self

    @model_validator(mode="after")
    def _each_person_once(self) -> Matter:
        each_person_once(self.persons)
        return self

    @model_validator(mode="after")
    def _to_with_a_proposal(self) -> Matter:
        if self.to is not None and self.kind is not MatterKind.FORSLAG:
            raise FieldError(("to",), f"'to' anger vilket organ ett förslag går till och hör bara till "
                                      f"'kind: {MatterKind.FORSLAG.value}'; ta bort 'to' eller ändra 'kind'")
        return self

    @property
    def all_steps(self) -> list[tuple[tuple[str | int, ...], Step]]:
        """Every step of the decision with the field it is written in: `adopts` (each an adopting step) first,
        then `steps`."""
        adopting = [(("adopts", j), Step(agreement=x, action=StepAction.ADOPT)) for j, x in enumerate(self.adopts)]
        return [*adopting, *((("steps", j), s) for j, s in enumerate(self.steps))]

    @model_validator(mode="after")
    def _one_step_each(self) -> Matter:
        seen: set[tuple[str, StepAction]] = set()
        for loc, step in self.all_steps:
            if (step.agreement, step.action) in seen:
                raise FieldError(loc, f"ärendet tar redan steget '{step.action.value}' för överenskommelsen "
                                      f"'{step.agreement}' (under 'adopts' eller 'steps'); skriv det en gång")
            seen.add((step.agreement, step.action))
        return self


def _when_effective(lead: str, date: dates.Given | None, words: str | None) -> str:
    """One end of when a decision applies: 'från 1 juli 2023', with the source's words beside it ('från 1 juli 2023
    (enligt källan: …)'), or the words alone ('med omedelbar verkan (enligt källan)'); '' where neither."""
    if date is None:
        return as_source_says(words) if words else ""
    return beside_source_words(f"{lead} {dates.long_date(date)}", words) if words else f"{lead} {dates.long_date(date)}"


def decided_later_label(body: str | None, words: str | None = None) -> str:
    """What the source says of a later decision: 'Beslut fattas senare av Kommunfullmäktige (enligt källan)', with its
    words 'Beslut fattas senare av Kommunfullmäktige (enligt källan: …)', its words alone 'Beslut fattas senare:
    Ärendet ska tas upp igen på nämndmöte under hösten (enligt källan)'; '' where it says nothing of one."""
    if body is None:
        return f"{DECIDED_LATER}: {as_source_says(words)}" if words else ""
    said = f"{DECIDED_LATER} av {body}"
    return beside_source_words(said, words) if words else as_source_says(said)


def _latest_day(value: dates.Given) -> dt.date:
    """The last day a date of any precision can mean (a season: its year's last, which months it holds unsaid)."""
    return dt.date(value.year, 12, 31) if isinstance(value, dates.Season) else dates.last_day(value)


NO_TITLE = "Rubrik anges inte i källan"
"""What pages say in place of a matter's heading where the source gives the item none."""
NO_TITLE_AFTER_DECISION = "ärendets rubrik anges inte i källan"
"""What a decision's label says after it where its matter has no heading in the source (`Matter.after_decision`)."""


class KnownFrom(StrEnum):
    """A meeting's source where it is not its minutes or a summary: the agenda published before the meeting, a news
    item listing the points of the day ("Här är de punkter som tas upp på mötet idag"), a mention of one decision in
    another text (a topic page: "Torsdagen 29 september 2016 antog kommunfullmäktige reglerna"), or the index of the
    meeting's webcast (held, its items dealt with, no decision stated)."""

    KALLELSE = "kallelse"
    FOREDRAGNINGSLISTA = "föredragningslista"
    NYHET = "nyhet"
    OMNAMNANDE = "omnämnande"
    WEBBSANDNING = "webbsändning"

    @property
    def definite(self) -> str:
        """The source as a sentence names it: 'kallelsen'."""
        return {"kallelse": "kallelsen", "föredragningslista": "föredragningslistan", "nyhet": "nyheten",
                "omnämnande": "omnämnandet", "webbsändning": "webbsändningen"}[self.value]

    @property
    def on(self) -> str:
        """Where an item is in the source: 'på kallelsen', 'i nyheten'."""
        return f"{'på' if self in (KnownFrom.KALLELSE, KnownFrom.FOREDRAGNINGSLISTA) else 'i'} {self.definite}"

    @property
    def agenda(self) -> bool:
        """Whether the source lists the items before or at the meeting (an agenda, a news item of the day): whether
        the meeting was held and what it decided are then not stated."""
        return self in (KnownFrom.KALLELSE, KnownFrom.FOREDRAGNINGSLISTA, KnownFrom.NYHET)

    @property
    def states_decisions(self) -> bool:
        """Whether the source states what was decided: a mention does; an agenda and a webcast do not."""
        return self is KnownFrom.OMNAMNANDE


NO_BODY_MEETING = "Sammanträde"
"""What a meeting's title said from the facts begins with where its source names no body (a protocol whose first
page is lost): a meeting, never "Beslut" (a decision outside a meeting says its manner instead)."""


MENTION_NOTE = f"Sammanträdet är känt från ett omnämnande i källan; övriga ärenden {NOT_STATED}."
"""What pages, lists, feeds and the calendar say of a meeting known only from a mention of a decision."""


NO_DECISIONS_NOTE = "Inga beslutsärenden redovisas från sammanträdet."
"""What pages say of a meeting whose source reports no decision (Meeting.no_decisions_note)."""
PARTIAL_NO_DECISIONS_NOTE = "Vilka beslut sammanträdet fattade framgår inte av den del av källan som återges här."
"""What pages say instead where the record covers only part of its source (`partial`): the rest may hold them."""


AFTER_THE_MEETING = (MatterKind.BORDLAGT, MatterKind.ATERREMITTERAT, MatterKind.UTGAR)
"""Matter kinds only the meeting itself decides: no agenda states them."""


class Meeting(Sourced):
    """A committee meeting and the summary of what it decided (or, `known_from`, its agenda)."""

    committee: MeetingBody
    """The body that met (a file in committees/); None ('anges inte') where the source names none (a blank 'Organ',
    a news item's "kommunen"): no body is made up, `body_as_given` then holds the source's words."""
    with_bodies: list[Slug] = []
    """Other bodies that decided together with `committee` ("Idrotts- och fritidsnämnden samt kultur- och
    demokratinämnden har fattat följande beslut", a joint meeting: "gemensamt sammanträde"; files in committees/):
    shown 'Tillsammans med …', listed on each of their pages too; never the record's own body."""
    date: MeetingDate
    """The day, or only the month where the source names no day: shown as given, never as a day of it; None
    ('anges inte') where the source gives no date (`date_as_given` then holds its words, the file name its own)."""
    given_title: Annotated[Text | None, MAY_BE_UNSTATED, NOT_STATED_IN_SCHEMA, Field(alias="title")]
    """The title as the source gives it; None ('anges inte') where it gives none (a decision known from a mention):
    `title` is then said from the facts, never made up."""
    start: Clock | None = None
    start_as_given: Text | None = None
    """The start in the source's words where it is no time of day ("direkt efter Borås Stadshus AB avslutat sitt
    arbetsmöte ca 14:30"); instead of `start`, and never made one."""
    end: Clock | None = None
    adjournments: list[Adjournment] = []
    """Breaks in the meeting as the source states them ("Sammanträdet ajourneras kl. 10.05–10.20"), in its order."""
    public: bool | None = None
    """Whether the meeting is open to the public ("Sammanträdet är inte öppet för allmänheten": false), where the
    source says so; None: not stated."""
    place: Text | None = None
    documents_url: Url | None = None
    """This meeting's own documents (kallelse, handlingar), where they are published."""
    minutes_url: Url | None = None
    """Link to the minutes (protokoll) once published."""
    minutes_checked: dt.date | None = None
    """The day the minutes were checked (justerat), where the source gives it."""
    minutes_posted: dt.date | None = None
    """The day the notice of the checked minutes was posted (anslaget uppsatt), where the source gives it."""
    minutes_removed: dt.date | None = None
    """The day that notice was taken down (anslaget nedtaget), where the source gives it."""
    minutes_checked_as_given: Text | None = None
    """How, where or when the minutes were checked in the source's words ("Nya Rådhuset 25 augusti 2015, kl. 14:00",
    "Digital justering"): shown as given beside `minutes_checked`, never read as its day."""
    appeal_by: dt.date | None = None
    """The last day to appeal the decisions in the checked minutes ("Sista dag att överklaga 2018-03-13"), where the
    source gives it: shown with the minutes' dates, never worked out from the day the notice was posted."""
    minutes_posted_as_given: Text | None = None
    """Where or how the notice of the checked minutes was posted, in the source's words ("Justeringen har anslagits på
    kommunens digitala anslagstavla"): shown beside `minutes_posted`, never read as its day."""
    public_as_given: Text | None = None
    """What the source says of the public at this meeting, in its words ("avråder … medborgare att komma till
    åhörarläktaren"): a body's `public_as_given` rule; never sets `public`."""
    chair: Text | None = None
    """The chair (ordförande) of this meeting as the source names them (a protocol's "Ordförande: …"), never the
    body's chairman a notice (kallelse) is signed by: that says nothing of who chaired the meeting (`convened_by`)."""
    convened_by: list[Member] = []
    """Who signed the notice (kallelse) as the source names them ("Elisabeth Mattsson (FP) Ordförande, Fredrik
    Skreberg Sekreterare"), in its order, each once: shown 'Kallelsen undertecknad av …', never the meeting's `chair`
    or `secretary`."""
    secretary: Text | None = None
    """The secretary (sekreterare) as the source names them."""
    adjusters: list[Text] = []
    """Who checks the minutes (justerare) as the source names them, in its order, each once."""
    proposed_adjusters: list[Text] = []
    """Who a notice (kallelse) proposes to check the minutes ("1 tur: Linda Fröberg (M) och Kaisa Blank Nordmark
    (S)"), as `adjusters` names people, each once: shown 'Föreslagna justerare: …', never as who checked them."""
    planned_checking_as_given: Text | None = None
    """When or where the checking of the minutes is planned, in the source's words ("Justeringsdag: tisdagen den 7
    april 2015 kl. 16:00"): shown as the source's, never read as `minutes_checked`."""
    contacts: list[Contact] = []
    """Who to contact about the meeting ("kontakta Helena Balthammar (S) telefon 0725-82 80 69"), as an agreement's
    `contacts`."""
    paragraphs_as_given: Text | None = None
    """The protocol's paragraphs in its words ("Paragrafer 79–107"): shown as given, nothing derived from it."""
    partial: Partial | None = None
    """Where the record covers only part of its source (the first pages of a protocol, an excerpt cut off after an
    item), the editor's words for what it covers ("Endast protokollets första sidor har kunnat läsas"): the page
    says so, and never that the meeting decided nothing. Not `selection`, which the source itself says."""
    paragraph_prefix: Annotated[str, StringConstraints(strip_whitespace=True, pattern=patterns.PARAGRAPH_PREFIX),
                                LINE] | None = None
    """What the protocol writes before its paragraph numbers in place of '§' ('VON' for "VON 2"), as the source does."""
    selection: bool = False
    """The source says it tells of only some of the matters ("ett urval av de beslut som togs"): never shown as all."""
    extra: bool = False
    """The source calls it an extra meeting ("på ett extra möte", "extra sammanträde"): shown 'Extra sammanträde' on
    its page and in lists, in the data; false (absent) says nothing (never 'ordinarie')."""
    known_from: KnownFrom | None = None
    """Where the source is the agenda (kallelse, föredragningslista, a news item of the day), no minutes or summary:
    whether the meeting was held and what it decided are not stated, and its matters are the items on the agenda;
    a webcast (webbsändning): held, what was decided not stated; a mention (omnämnande): the decisions it names."""
    date_as_given: Text | None = None
    """The date in the source's words where it is given relative to the source ("veckans sammanträde" in a news item
    of 8 November 2019, whose date `source` gives): shown beside `date`, which stays as precise as the editor can
    state; with `date: anges inte` the source's words about the date ("den 12 september"), absent where it has none.
    Only the source's words: pages say 'enligt källan:' before them, and 'datum anges inte' themselves."""
    present: list[Attendee] = []
    """Who was present as the minutes list them (beslutande ledamöter, tjänstgörande ersättare, övriga närvarande),
    in their order: never on a meeting known only from its agenda, which does not say who came."""
    minutes_kept_at: Text | None = None
    body_as_given: Text | None = None
    """With `committee: anges inte`, who decided in the source's words ("Nyköpings kommun", "kommunen"): shown as
    the source's, never taken for a body; refused beside a named body."""
    """Where the minutes are kept, as the protocol says it ("Förvaringsplats för protokollet:
    Kommunledningsförvaltningen")."""
    decided_as: DecidedAs | None = None
    """How a decision taken outside a meeting of the body was taken, as the source says it: 'delegationsbeslut',
    'ordförandebeslut', or 'anges inte' (a news item names the decision alone). Absent: the record is a meeting.
    Such a record is never a meeting: in no calendar, no meeting list, no OParl Meeting (OUTSIDE_REFUSED)."""
    decided_as_given: Text | None = None
    """With `decided_as`: the source's words about how it was taken ("Beslut fattat på delegation enligt punkt 4.2
    i delegationsordningen"), shown as the source's."""
    decided_by: Annotated[Person | None, Field(json_schema_extra=_a_body_too_in_schema)] = None
    """With `decided_as`: who took the decision as the source names them ({name, role}, as an agreement's signer);
    a body's id where a body took it on delegation (`decided_by_body`)."""
    decided_by_body: SkipJsonSchema[Slug | None] = None
    """With `decided_as`: the body that took the decision on delegation ("arbetsutskottet", a file in committees/):
    read from `decided_by` written as an id. Messages name it as written (WRITTEN_AS)."""
    reported_at: CitedDecision | None = None
    """With `decided_as`: the meeting the decision was reported to ("anmäls"), cited as a report cites a decision
    (date and paragraph, or its month; its body where named): linked where that meeting is published here."""
    introduction: Prose = ""
    matters: list[Matter] = []

    _body_name: str = PrivateAttr("")
    """The body's name, given by the archive (`named_by`): a title not given is said from it."""
    _decider_name: str = PrivateAttr("")
    """The name of the body that took the decision (`decided_by_body`), given by the archive (`decider_named`)."""
    _file_id: str = PrivateAttr("")
    """An undated meeting's id: its file name, which the editor words (`filed_as`, checked by the loader)."""

    @model_validator(mode="before")
    @classmethod
    def _decided_by_a_body(cls, data: object) -> object:
        """`decided_by` written as an id (a body, "arbetsutskottet") is `decided_by_body`; a person stays
        `decided_by`."""
        if isinstance(data, dict) and isinstance(data.get("decided_by"), str):
            return {**{k: v for k, v in data.items() if k != "decided_by"}, "decided_by_body": data["decided_by"]}
        return data

    @property
    def id(self) -> str:
        if self.date is None or self.outside:
            return self._file_id or f"{UNDATED_PREFIX}{self.body_key}"
        return meeting_id(self.date, self.body_key)

    @property
    def outside(self) -> bool:
        """Whether the record is a decision taken outside a meeting of the body (`decided_as`): never a meeting."""
        return self.decided_as is not None

    @property
    def occasion(self) -> str:
        """What a sentence calls the record after its body: 'sammanträde', or 'delegationsbeslut', 'beslut',
        'ärende'."""
        return self.manner_label.lower() if self.decided_as is not None else "sammanträde"

    @property
    def manner_label(self) -> str:
        """How titles, lists, decision labels and OParl name an outside record: 'Delegationsbeslut', 'Beslut', or
        'Ärende' where the source says neither how it came about nor that a matter is a decision (no matter's kind
        states one: `states_a_decision`); '' for a meeting."""
        return self.decided_as.named(self.states_a_decision) if self.decided_as is not None else ""

    @property
    def decider_label(self) -> str:
        """Who took an outside decision as pages and the CSV name them: the person ('Anna Svensson,
        förvaltningschef'), or the body that took it on delegation ('Kommunstyrelsens arbetsutskott'); '' where the
        source names no one."""
        if self.decided_by is not None:
            return self.decided_by.label
        return self._decider_name or self.decided_by_body or ""

    def decider_named(self, name: str) -> None:
        """Let the decision know the name of the body that took it (the archive, once the bodies are known)."""
        self._decider_name = name

    @property
    def manner_line(self) -> str:
        """How an outside decision was taken, as its page says it: 'Fattat som delegationsbeslut av Anna Svensson,
        förvaltningschef, på uppdrag av Kultur- och fritidsnämnden'; where the source does not say how, 'Om beslutet
        fattades vid ett sammanträde anges inte.', or who took it and that the manner is not stated ('Fattat av namn
        anges inte, kommundirektören; om det var ett delegationsbeslut eller ett ordförandebeslut anges inte.');
        '' for a meeting."""
        if self.decided_as is None:
            return ""
        by = f" av {self.decider_label}" if self.decider_label else ""
        if self.decided_as is DecidedAs.UNSTATED:
            return (f"Fattat{by}; om det var ett {DecidedAs.DELEGATION.value} eller ett {DecidedAs.CHAIR.value} "
                    f"{NOT_STATED}." if by else f"Om beslutet fattades vid ett sammanträde {NOT_STATED}.")
        who = by or f" (av vem {NOT_STATED})"
        body = f", på uppdrag av {self._body_name or self.committee}" if self.committee else ""
        return f"Fattat som {self.decided_as.word}{who}{body}."

    @property
    def decided_as_given_label(self) -> str:
        """The source's words about how the decision was taken: '… (enligt källan)'; '' where none."""
        return as_source_says(self.decided_as_given) if self.decided_as_given else ""

    @property
    def body_key(self) -> str:
        """The body's part of the file name: its id, or 'organ-anges-inte' where the source names no body."""
        return self.committee or NO_BODY_KEY

    @property
    def bodiless(self) -> bool:
        """Whether the source names no body (`committee: anges inte`): in no body's list, calendar or OParl body."""
        return self.committee is None

    @property
    def body_unstated(self) -> str:
        """What the meeting's page says after 'Organ:' where the source names no body: 'anges inte (enligt källan:
        Nyköpings kommun)'; '' where a body is named."""
        if self.committee is not None:
            return ""
        return beside_source_words(NOT_STATED, self.body_as_given) if self.body_as_given else NOT_STATED

    @property
    def body_label(self) -> str:
        """What feeds and lists say in place of a body the source does not name: 'Organ anges inte (enligt källan:
        Nyköpings kommun)'; '' where a body is named."""
        return f"Organ {self.body_unstated}" if self.committee is None else ""

    def filed_as(self, stem: str) -> None:
        """Let an undated meeting know its file name (the loader, once it has checked it): its id."""
        self._file_id = stem

    @property
    def sections(self) -> list[tuple[str | None, Matter]]:
        """Each matter with the heading the page shows before it: its section where the one before stands under
        another (or none), else None. The one rule of the agenda's headings on the meeting page."""
        before: list[str | None] = [None, *(m.section for m in self.matters)][:len(self.matters)]
        return [(m.section if m.section != previous else None, m)
                for previous, m in zip(before, self.matters, strict=True)]

    @model_validator(mode="after")
    def _sections_in_order(self) -> Meeting:
        """The items under one heading follow each other, as in the source: a heading comes back only by mistake."""
        for i, (heading, _) in enumerate(self.sections):
            if heading is not None and heading in (m.section for m in self.matters[:i]):
                raise FieldError(("matters", i, "section"), f"rubriken '{heading}' står redan vid ett tidigare ärende, "
                                                            "med ett annat avsnitt emellan; skriv ärendena under en "
                                                            "rubrik i följd, i källans ordning")
        return self

    @property
    def convened_by_label(self) -> str:
        """'Elisabeth Mattsson (FP), ordförande; Fredrik Skreberg, sekreterare': each `Member.label`, separated by ';'
        (a label has commas of its own); '' where the source names no one."""
        return "; ".join(p.label for p in self.convened_by)

    @model_validator(mode="after")
    def _appeals_after_the_decision(self) -> Meeting:
        """A court decides an appeal of a meeting's decision after the meeting (an earlier decision's may be before)."""
        for i, matter in enumerate(self.matters):
            for j, appeal in enumerate(matter.appeals):
                if (appeal.date is not None and self.date is not None and not appeal.earlier_as_given
                        and _latest_day(appeal.date) < dates.first_day(self.date)):
                    raise FieldError(("matters", i, "appeals", j, "date"),
                                     f"överklagandet avgjordes {dates.long_date(appeal.date)}, före sammanträdet "
                                     f"{dates.long_date(self.date)}; rätta 'date', eller skriv med "
                                     "'earlier_as_given' vilket tidigare beslut som överklagades")
        return self

    @model_validator(mode="after")
    def _each_signer_once(self) -> Meeting:
        for i, person in enumerate(self.convened_by):
            if person in self.convened_by[:i]:
                raise FieldError(("convened_by", i), f"'{person.label}' står redan i listan; skriv varje person som "
                                                     "undertecknade kallelsen en gång")
        return self

    @property
    def extra_label(self) -> str:
        """'Extra sammanträde' where the source calls the meeting an extra one; '' otherwise (EXTRA_MEETING)."""
        return EXTRA_MEETING if self.extra else ""

    @property
    def undated(self) -> bool:
        """Whether the source gives the meeting no date (`date: anges inte`): never placed on a day, month or year."""
        return self.date is None

    @property
    def date_label(self) -> str:
        """The date as lists and titles say it: '9 juni 2021', 'november 2020', or 'datum anges inte'."""
        return dates.long_date(self.date) if self.date is not None else f"datum {NOT_STATED}"

    def named_by(self, body_name: str) -> None:
        """Let the meeting know its body's name (the archive, once the bodies are known)."""
        self._body_name = body_name

    @property
    def title(self) -> str:
        """The title wherever the meeting is named (its page, lists, feeds, calendar, OParl `name`): the source's,
        else the body and the date as given ('Kommunfullmäktige 29 september 2016'; a meeting whose source names no
        body 'Sammanträde, organ anges inte, 3 mars 2025': a meeting, not a decision), never one made up."""
        if self.given_title is not None:
            return self.given_title
        unnamed = citations.NO_BODY if self.outside else f"{NO_BODY_MEETING}, {citations.NO_BODY}"
        name = self._body_name or self.committee or unnamed
        joined = f"{name} {self.date_label}" if self.committee and self.date else f"{name}, {self.date_label}"
        return f"{self.manner_label}, {joined}" if self.decided_as is not None else joined

    @property
    def title_given(self) -> bool:
        return self.given_title is not None

    @property
    def title_names_date(self) -> bool:
        """Whether the title already says the date as a list would add it ('Kommunstyrelsen, december 2018'): the
        list then does not say it again."""
        return self.date_label.casefold() in self.title.casefold()

    @property
    def public_label(self) -> str:
        """'Ja' or 'Nej' where the source says whether the meeting is open to the public; '' where it does not."""
        return yes_no(self.public)

    def public_for(self, matter: Matter) -> bool | None:
        """Whether an item is open to the public: the matter's own statement, else the meeting's; None where
        neither says."""
        return matter.public if matter.public is not None else self.public

    @property
    def time_as_given(self) -> str:
        """The start in the source's words as pages and the calendar say it; '' where none is given so."""
        return as_source_says(self.start_as_given) if self.start_as_given else ""

    @property
    def mentioned_only(self) -> bool:
        """Whether the meeting is known from a mention of a decision: its decisions are decisions, but not all."""
        return self.known_from is KnownFrom.OMNAMNANDE

    @property
    def agenda_only(self) -> bool:
        """Whether the meeting is known only from its agenda: never shown as held, nor its matters as decided."""
        return self.known_from is not None and self.known_from.agenda

    @property
    def decisions_unstated(self) -> bool:
        """Whether the source states no decision of the meeting (its agenda, its webcast): its matters are items,
        never shown as decided."""
        return self.known_from is not None and not self.known_from.states_decisions

    @property
    def agenda_named(self) -> str:
        """The source of a meeting whose decisions it does not state, as a sentence names it ('kallelsen',
        'webbsändningen'); '' for the others. Every wording of such a meeting (notes, labels, the matters before and
        after) names it from here."""
        return self.known_from.definite if self.known_from is not None and self.decisions_unstated else ""

    @property
    def on_agenda(self) -> str:
        """Where a matter of such a meeting is: 'på kallelsen', 'i webbsändningen'; '' for the others."""
        return self.known_from.on if self.known_from is not None and self.decisions_unstated else ""

    @property
    def agenda_note(self) -> str:
        """What pages, feeds and data say of a meeting whose source states no decision; '' for the others."""
        if not self.agenda_named:
            return ""
        if not self.agenda_only:
            return f"Sammanträdet hölls enligt källan ({self.agenda_named}); vad som beslutades {NOT_STATED}."
        return (f"Uppgifterna kommer från {self.agenda_named}; om sammanträdet hölls och vad som beslutades "
                f"{NOT_STATED}.")

    @property
    def date_as_given_label(self) -> str:
        """The date in the source's words as pages say it beside the date: 'enligt källan: …'; '' where none."""
        return source_says(self.date_as_given) if self.date_as_given else ""

    @property
    def when(self) -> str:
        """The date as a sentence goes on after a word ('sammanträde 9 juni 2021', 'sammanträde datum anges inte;
        enligt källan: den 12 september (året anges inte)'): the one rule of `undated_label`, lower case."""
        return "; ".join(x for x in (self.date_label, self.date_as_given_label if self.date is None else "") if x)

    @property
    def listed_title(self) -> str:
        """The record as lists, feeds and search name it: its title, and where the title is said from the facts (it
        names the date), the source's words for the date after it where the date is not given or the record is a
        decision outside a meeting ('Kommunstyrelsen, datum anges inte; enligt källan: i onsdags'), and such a
        decision's one matter's heading ('…; enligt källan: den 25 juli: Avgiftsfri parkering'), so that records of
        one body, or of none, differ where the source gives words that tell them apart. A meeting is not named by a
        matter: it may have had others."""
        words = self.date_as_given_label if self.title_names_date and (self.date is None or self.outside) else ""
        heading = self.matters[0].after_decision if (self.outside and not self.title_given and len(self.matters) == 1
                                                     and self.matters[0].title_given) else ""
        return f"{self.title}; {words}{heading}" if words else f"{self.title}{heading}"

    @property
    def listed_when(self) -> str:
        """What a list says of the date after `listed_title`, so that the two say `when` once: all of it after a title
        that does not say the date ('Beslut från senaste kommunfullmäktige' · 'datum anges inte; enligt källan: …'),
        '' after one that does."""
        return "" if self.title_names_date else self.when

    @property
    def undated_label(self) -> str:
        """What the meeting's page says first in place of a date the source does not give: 'Datum anges inte; enligt
        källan: den 12 september (året anges inte)' (`when`, as a line begins); '' for a dated meeting."""
        return upper_first(self.when) if self.date is None else ""

    @property
    def notes(self) -> tuple[str, ...]:
        """What feeds, the calendar, the meetings overview and the start page say of how much the source tells
        (pages show each apart): the partial record's note, the agenda note, the selection note, each where it
        applies."""
        return tuple(x for x in (self.partial_line, self.agenda_note, self.selection_note) if x)

    @property
    def contents_label(self) -> str:
        """What the meeting's page holds, as its description says it: the agenda's items, the decisions a mention
        names, or the summary of the decisions."""
        if self.on_agenda:
            return f"ärendena {self.on_agenda} {'till' if self.agenda_only else 'från'}"
        return "beslut som källan nämner från" if self.mentioned_only else "sammanfattning av besluten vid"

    @property
    def item_note(self) -> str:
        """What a matter of a meeting known only from its agenda says of itself; '' for the others."""
        return f"Ärende {self.on_agenda}; vad som beslutades {NOT_STATED}" if self.on_agenda else ""

    @property
    def no_decisions_note(self) -> str:
        """What the meeting's page and its year's list say where no decision is reported: a summary with no matter,
        or whose every matter is stated to be no decision (an agenda tells nothing of what was decided; a mention
        names some decisions and not the others); a partial record where no matter is stated to be ruled on (one of
        unstated kind included: the part read does not say), that the part given does not say; '' otherwise. A
        referral back is a decision the meeting took (MatterKind.ruled)."""
        if self.decisions_unstated or self.mentioned_only or self.outside:
            return ""  # an outside decision has matters (_check_outside), each with its kind
        if self.partial is not None:
            return "" if any(m.kind is not None and m.kind.ruled for m in self.matters) else PARTIAL_NO_DECISIONS_NOTE
        return "" if self.decided_anything else NO_DECISIONS_NOTE

    @property
    def lead(self) -> str:
        """What a listing shows of the meeting, as lund.se does: the introduction's first paragraph, else the
        first matter's; '' when the file has no text."""
        return lead_paragraph([self.introduction, *(m.body for m in self.matters)])

    @property
    def day(self) -> dt.date | None:
        """The meeting's day; None where the source gives only the month or the year."""
        return self.date if isinstance(self.date, dt.date) else None

    @property
    def sort_day(self) -> dt.date | None:
        """Where lists place the meeting (`sort_day`)."""
        return sort_day(self.date)

    @property
    def decided_anything(self) -> bool:
        """Whether the meeting took a decision on any matter (MatterKind.ruled: a referral back too), or may have (a
        matter whose kind the source does not state): a meeting is said to have decided nothing only where every
        matter is stated to be something else."""
        return any(m.kind is None or m.kind.ruled for m in self.matters)

    @property
    def states_a_decision(self) -> bool:
        """Whether some matter is stated to be a decision (its kind one; an unstated kind is not)."""
        return any(m.is_decision for m in self.matters)

    @property
    def reports_decisions(self) -> bool:
        """Whether the page reports decisions: its source states them (no agenda, no webcast) and a matter's kind is
        a decision (a matter of unstated kind reports none). Only then does the page say that its decisions may since
        have changed."""
        return not self.decisions_unstated and self.states_a_decision

    @property
    def selection_note(self) -> str:
        """What pages say of a summary that tells of only some matters, or of a meeting known from a mention of
        one decision; '' for the others."""
        return MENTION_NOTE if self.mentioned_only else SELECTION_NOTE if self.selection else ""

    @property
    def some_matters(self) -> bool:
        """Whether the matters are not all the meeting's, as the source says (a selection, a mention)."""
        return self.selection or self.mentioned_only

    @property
    def present_columns(self) -> list[tuple[str, str, str]]:
        """The columns of the table of those present (`columns_of`, the rule of a body's members)."""
        return columns_of(self.present)

    @property
    def partial_line(self) -> str:
        """What pages, feeds and the calendar say of a record that covers only part of its source ('' for the
        others): 'Uppgifterna bygger bara på en del av källan: Endast protokollets första sidor har kunnat läsas.'"""
        return partial_line(self.partial)

    @property
    def paragraphs_label(self) -> str:
        """The protocol's paragraphs as the source words them, marked as its own: 'Paragrafer 79–107 (enligt
        källan)'; '' where none."""
        return paragraphs_label(self.paragraphs_as_given)

    @property
    def public_as_given_label(self) -> str:
        """'Enligt källan: avråder …' (according_to_source); '' where the source says nothing of the public."""
        return according_to_source(self.public_as_given) if self.public_as_given else ""

    @property
    def minutes_checked_label(self) -> str:
        """'Nya Rådhuset 25 augusti 2015, kl. 14:00 (enligt källan)'; '' where the source gives no words."""
        return as_source_says(self.minutes_checked_as_given) if self.minutes_checked_as_given else ""

    @property
    def adjusters_label(self) -> str:
        """The adjusters as a sentence lists names: 'Anna Andersson (S) och Bertil Berg (M)'; '' where none."""
        return dates.listing(self.adjusters)

    @property
    def proposed_adjusters_label(self) -> str:
        """Who the notice proposes to check the minutes, as `adjusters_label` lists names; '' where none."""
        return dates.listing(self.proposed_adjusters)

    @property
    def planned_checking_label(self) -> str:
        """'tisdagen den 7 april 2015 kl. 16:00 (enligt källan)'; '' where the source plans no checking so."""
        return as_source_says(self.planned_checking_as_given) if self.planned_checking_as_given else ""

    @property
    def posting_label(self) -> str:
        """The notice of the checked minutes as the page gives it: 'uppsatt 24 september 2015, nedtaget 16 oktober
        2015', 'anges inte' for a day the source leaves out, then the source's words for it ('Justeringen har anslagits
        på kommunens digitala anslagstavla (enligt källan)'); '' where it gives none of them."""
        words = as_source_says(self.minutes_posted_as_given) if self.minutes_posted_as_given else ""
        if not (self.minutes_posted or self.minutes_removed):
            return words
        posted, removed = (shown(dates.long_date(d) if d else None) for d in (self.minutes_posted,
                                                                              self.minutes_removed))
        return "; ".join(x for x in (f"uppsatt {posted}, nedtaget {removed}", words) if x)

    @property
    def appeal_label(self) -> str:
        """'Sista dag att överklaga: 13 mars 2018'; '' where the source gives no such day."""
        return f"Sista dag att överklaga: {dates.long_date(self.appeal_by)}" if self.appeal_by else ""

    @model_validator(mode="after")
    def _ordered(self) -> Meeting:
        _check_times(self.start, self.end)
        if self.start and self.start_as_given:
            raise FieldError(("start_as_given",), "'start_as_given' är källans ord där den inte anger något "
                                                  "klockslag; skriv antingen 'start' eller 'start_as_given'")
        if self.end and self.start_as_given:
            raise FieldError(("end",), "'end' kräver 'start'; skriv sluttiden med källans ord i 'start_as_given'")
        for name in MINUTES_DATES:
            _check_after_meeting(self.date, name, getattr(self, name))
        if self.minutes_posted and self.minutes_removed and self.minutes_removed < self.minutes_posted:
            raise FieldError(("minutes_removed",), f"anslaget togs ned {self.minutes_removed.isoformat()}, före "
                                                   f"{self.minutes_posted.isoformat()} då det sattes upp; rätta "
                                                   "'minutes_removed' eller 'minutes_posted'")
        _check_appeal(self)
        if self.known_from is not None and self.decisions_unstated:
            _check_agenda(self, self.known_from)
        if self.body_as_given and self.committee is not None:
            raise FieldError(("body_as_given",), f"'body_as_given' är källans ord där den inte anger något organ; "
                                                 f"ta bort det, eller skriv 'committee: {NOT_STATED}' om källan inte "
                                                 "namnger organet")
        for name in ("adjusters", "proposed_adjusters"):
            named = getattr(self, name)
            if twice := sorted({a for a in named if named.count(a) > 1}):
                raise FieldError((name,), f"'{twice[0]}' står flera gånger; skriv varje justerare en gång")
        _check_outside(self)
        return self

    @property
    def contacts_heading(self) -> str:
        """The heading of the page's contacts (`contacts_heading`)."""
        return contacts_heading(self.contacts)

    @property
    def adjournment_labels(self) -> list[str]:
        """Each break as the page says it under the meeting's times ('Ajournering 10.05–10.20')."""
        return [a.label for a in self.adjournments]

    @property
    def bodies(self) -> list[str]:
        """The ids of every body that decided: `committee` and those it decided together with (`with_bodies`)."""
        return [*([self.committee] if self.committee is not None else []), *self.with_bodies]

    @model_validator(mode="after")
    def _together_with_others(self) -> Meeting:
        """Bodies deciding together beside a named one, each once and never the record's own again."""
        if self.with_bodies and self.committee is None:
            raise FieldError(("with_bodies",), f"'with_bodies' anger organ som beslutade tillsammans med organet i "
                                               f"'committee'; namnger källan organen, skriv ett av dem i 'committee' "
                                               f"i stället för '{NOT_STATED}'")
        if self.committee in self.with_bodies:
            raise FieldError(("with_bodies",), f"'{self.committee}' är redan 'committee', organet som filen gäller; "
                                               "skriv bara de andra organen i 'with_bodies'")
        if len(set(self.with_bodies)) < len(self.with_bodies):
            raise FieldError(("with_bodies",), "samma organ står flera gånger under 'with_bodies'; skriv varje organ "
                                               "en gång")
        return self

    @model_validator(mode="after")
    def _adjourned_while_meeting(self) -> Meeting:
        for i, adjournment in enumerate(self.adjournments):
            adjournment.within(self.start, self.end, ("adjournments", i))
        return self


    @model_validator(mode="after")
    def _unstated_steps(self) -> Meeting:
        """A step whose action the source does not state ('anges inte': "fattade idag beslut om en ny
        avsiktsförklaring") only where the source does not say what was decided: a meeting known from a mention, or a
        matter whose kind is not stated. A protocol's decision says what it decided."""
        for i, matter in enumerate(self.matters):
            if self.mentioned_only or matter.kind is None:
                continue
            for loc, step in matter.all_steps:
                if step.action is StepAction.UNSTATED:
                    raise FieldError(("matters", i, *loc, "action"), UNSTATED_STEP_REFUSED)
        return self


OUTSIDE_INTRO = ("Beslut som inte är kända som beslut vid ett sammanträde: delegationsbeslut, ordförandebeslut och "
                 "beslut där källan inte anger hur de fattades. De räknas inte som sammanträden.")
"""What the lists 'Beslut utanför sammanträden' (a body's page, a year's, the meetings overview) say first."""

def missing_hint(data: object, loc: tuple[str | int, ...]) -> str:
    """What the message of a required field missing from a record adds, where the record says what belongs there:
    an outside decision's `title` (required as a meeting's) is most often not given by its source; '' elsewhere."""
    if loc == ("title",) and isinstance(data, dict) and data.get("decided_as") is not None:
        return (f"ett beslut utanför sammanträde ('decided_as') har sällan en egen rubrik i källan: skriv 'title: "
                f"{NOT_STATED}' (sidan får då en rubrik av beslutsformen, organet och datumet, t.ex. "
                "'Delegationsbeslut, Kultur- och fritidsnämnden 3 mars 2024'), eller källans egen rubrik")
    return ""


OUTSIDE_ONLY = ("decided_as_given", "decided_by", "decided_by_body", "reported_at")
"""What only a decision taken outside a meeting has: refused on a meeting (without `decided_as`)."""

OUTSIDE_REFUSED = {
    "start": "ingen tid för ett sammanträde", "start_as_given": "ingen tid för ett sammanträde",
    "end": "ingen tid för ett sammanträde", "place": "ingen plats för ett sammanträde",
    "public": "inget sammanträde som kan vara öppet för allmänheten",
    "public_as_given": "inget sammanträde som kan vara öppet för allmänheten",
    "chair": "ingen ordförande för ett sammanträde (den som fattade beslutet skrivs i 'decided_by')",
    "secretary": "ingen sekreterare", "adjusters": "inga justerare", "present": "några närvarande",
    "minutes_url": "inget protokoll (länken till beslutet skrivs i 'source')", "minutes_checked": "inget protokoll",
    "minutes_posted": "inget protokoll", "minutes_removed": "inget protokoll",
    "minutes_checked_as_given": "inget protokoll", "minutes_kept_at": "inget protokoll",
    "paragraphs_as_given": "inget protokolls paragrafer (ärendets paragraf skrivs i ärendet)",
    "documents_url": "inga handlingar till ett sammanträde (länken till beslutet skrivs i 'source')",
    "known_from": "ingen kallelse, föredragningslista eller webbsändning, och är inget sammanträde som nämns",
    "selection": "inget urval av ett sammanträdes ärenden",
    "adjournments": "inget sammanträde som kan ajourneras", "appeal_by": "inget protokoll",
    "minutes_posted_as_given": "inget protokoll", "convened_by": "ingen kallelse",
    "extra": "inget sammanträde som kan vara extra",
    "proposed_adjusters": "inga justerare", "planned_checking_as_given": "inget protokoll",
}
"""A meeting's fields that a decision outside a meeting (`decided_as`) refuses, each with what it has not."""

OUTSIDE_MATTER_REFUSED = {
    "vote": "ingen omröstning", "reservations": "inga reservationer", "statements": "inga särskilda yttranden",
    "proposals_made": "inga yrkanden", "not_participating": "ingen som avstod från att delta i beslutet",
    "unanimous": "ingen församling som kan vara enig eller oenig",
    "start": "ingen tid på en föredragningslista", "end": "ingen tid på en föredragningslista",
    "section": "ingen rubrik på en föredragningslista",
}
"""A matter's fields that only a meeting's deliberation has, refused under `decided_as`."""


def _check_outside(meeting: Meeting) -> None:
    """A decision outside a meeting has none of a meeting's own facts (OUTSIDE_REFUSED, and of its matters
    OUTSIDE_MATTER_REFUSED, or a kind only a meeting decides), and at least one matter; a meeting has none of its
    facts (OUTSIDE_ONLY)."""
    if meeting.decided_as is None:
        for field in OUTSIDE_ONLY:
            name = WRITTEN_AS.get(field, field)
            if getattr(meeting, field) is not None:
                raise FieldError((name,), f"'{name}' hör bara till ett beslut som inte fattades vid ett sammanträde; "
                                          f"skriv 'decided_as' (delegationsbeslut, ordförandebeslut eller "
                                          f"'{NOT_STATED}'), eller ta bort '{name}'")
        return
    if meeting.decided_by_body is not None and meeting.decided_by_body == meeting.committee:
        raise FieldError(("decided_by",), f"'{meeting.committee}' är organet som beslutet gäller ('committee'); ett "
                                          "beslut av organet självt fattas vid ett sammanträde: skriv organet som "
                                          "fattade beslutet på delegation (t.ex. ett utskott), eller ta bort "
                                          "'decided_as' och skriv ett sammanträde")
    if meeting.decided_by_body is not None and meeting.decided_as is DecidedAs.CHAIR:
        raise FieldError(("decided_by",), f"ett {DecidedAs.CHAIR.value} fattas av ordföranden, inte av ett organ "
                                          f"('{meeting.decided_by_body}'); skriv ordföranden som {{name, role}}, "
                                          "eller 'decided_as: delegationsbeslut' om ett utskott beslutade")
    outside = f"'decided_as: {meeting.decided_as.value}' säger att beslutet inte fattades vid ett sammanträde, och " \
              "ett beslut utanför sammanträde har"
    for name, lacks in OUTSIDE_REFUSED.items():
        if getattr(meeting, name) not in (None, [], False):
            raise FieldError((name,), f"{outside} {lacks}; ta bort '{name}'")
    if not meeting.matters:
        raise FieldError(("matters",), f"{outside} ändå ett beslut; skriv det som ett ärende under 'matters' "
                                       "(rubrik och text under '## Rubrik {#id}')")
    for i, matter in enumerate(meeting.matters):
        for name, lacks in OUTSIDE_MATTER_REFUSED.items():
            if getattr(matter, name) not in (None, []):
                raise FieldError(("matters", i, name), f"{outside} {lacks}; ta bort '{name}'")
        if matter.kind in AFTER_THE_MEETING:
            raise FieldError(("matters", i, "kind"), f"{outside} inget sammanträde där ärendet kunde bli "
                                                     f"'{matter.kind.value}'; ta bort 'kind' eller skriv den typ "
                                                     "källan anger")


UNSTATED_STEP_REFUSED = (
    f"'action: {NOT_STATED}' hör till ett citerat beslut ('cited_steps') eller till ett ärende vars källa inte säger "
    "vad som beslutades (ett sammanträde som bara är känt från ett omnämnande, 'known_from: omnämnande', eller "
    f"'kind: {NOT_STATED}'); ett publicerat ärende säger annars vad det beslutade – skriv det, eller skriv "
    "överenskommelsen under 'agreements' om ärendet bara gäller den")
"""Why a step of a decision whose content its protocol states cannot leave its action unstated."""


EXTRA_MEETING = "Extra sammanträde"
"""What pages and lists say of a meeting its source calls an extra one (`Meeting.extra`)."""

SELECTION_NOTE = "Urval av ärendena enligt källan: källan tar inte upp alla ärenden från sammanträdet."
"""What a meeting page and the body's year list say of a source that calls itself a selection (a summary, a press
release, a protocol extract): never that it is a summary."""


MINUTES_DATES = {"minutes_checked": ("protokollet justeras", "protokollet justerades"),
                 "minutes_posted": ("anslaget om justeringen sätts upp", "anslaget sattes upp"),
                 "minutes_removed": ("anslaget om justeringen tas ned", "anslaget togs ned"),
                 "appeal_by": ("sista dagen att överklaga är", "tiden att överklaga går ut")}
"""A meeting's dates of its minutes, each with what happens on it (now, and as done): all after the meeting."""


def _check_after_meeting(date: dates.Day | None, name: str, day: dt.date | None) -> None:
    """Minutes are checked (justeras), and their notice posted and taken down, after the meeting, never before it
    (an undated meeting's, of which the source gives no date, are not compared)."""
    if day is not None and date is not None and day < dates.first_day(date):
        happens, done = MINUTES_DATES[name]
        raise FieldError((name,), f"{happens} efter sammanträdet, men {day.isoformat()} är före {dates.iso(date)}; "
                                  f"skriv dagen då {done}")


def _check_appeal(meeting: Meeting) -> None:
    """The time to appeal runs from the day the checked minutes' notice is posted: its last day is never before it
    (nor before the minutes were checked)."""
    appeal = meeting.appeal_by
    for name in ("minutes_posted", "minutes_checked"):
        day = getattr(meeting, name)
        if appeal is not None and day is not None and appeal < day:
            _, done = MINUTES_DATES[name]
            raise FieldError(("appeal_by",), f"sista dagen att överklaga ({appeal.isoformat()}) ligger före dagen då "
                                             f"{done} ({day.isoformat()}); rätta 'appeal_by' eller '{name}'")


AGENDA_UNSTATED = (("paragraphs", "protokollets paragrafer"), ("paragraphs_as_given", "protokollets paragrafer"),
                   ("vote", "hur någon omröstning utföll"), ("effective", "när något beslut börjar gälla"),
                   ("effective_until", "när något beslut slutar gälla"),
                   ("effective_as_given", "när något beslut börjar gälla"),
                   ("effective_until_as_given", "när något beslut slutar gälla"),
                   ("reservations", "några reservationer"),
                   ("not_participating", "vilka som inte deltog i något beslut"),
                   ("unanimous", "om något beslut var enhälligt"))
"""A matter's fields that an agenda (or a webcast, a source that states no decision) cannot state, each with what the
source then does not state: refused on its items. A new field of what the meeting decided joins it."""


def _check_agenda(meeting: Meeting, known_from: KnownFrom) -> None:
    """An agenda tells what is to be dealt with, not what was decided: no minutes (nor who checked them), nor a
    matter's paragraphs, vote, effect or reservations (AGENDA_UNSTATED), steps, outcomes or a kind that decides
    (a page would say both 'vad som beslutades anges inte' and 'Ärendetyp: Beslut')."""
    source = f"'known_from: {known_from}' säger att källan är {known_from.definite}, som inte anger"
    for name in ("minutes_url", *MINUTES_DATES, "adjusters", "paragraphs_as_given", "minutes_kept_at",
                 "minutes_checked_as_given",
                 "minutes_posted_as_given"):
        if getattr(meeting, name):  # who checked them, their §§, where they are kept
            raise FieldError((name,), f"{source} något protokoll; ta bort '{name}' eller 'known_from'")
    if meeting.present and known_from.agenda:
        raise FieldError(("present",), f"{source} vilka som kom till sammanträdet; ta bort 'present' eller "
                                       "'known_from'")
    for i, matter in enumerate(meeting.matters):
        for name, unstated in AGENDA_UNSTATED:
            if getattr(matter, name) not in (None, []):
                way_out = (f"(ärendets nummer {known_from.on} skrivs i 'item')" if name.startswith("paragraphs")
                           else "eller 'known_from'")
                raise FieldError(("matters", i, name), f"{source} {unstated}; ta bort '{name}' {way_out}")
        if matter.all_steps:
            loc, _ = matter.all_steps[0]
            raise FieldError(("matters", i, *loc), f"{source} vad som beslutades; ta bort stegen ('adopts', "
                                                   "'steps'), och skriv överenskommelsen i 'agreements'")
        if matter.kind in AFTER_THE_MEETING:
            raise FieldError(("matters", i, "kind"), f"{source} vad som hände med ärendet på sammanträdet; ta "
                                                     f"bort 'kind: {matter.kind}' eller skriv den typ "
                                                     f"{known_from.definite} anger")
        if matter.kind is not None and matter.kind.decides:
            raise FieldError(("matters", i, "kind"), f"{source} vad som beslutades, men 'kind: {matter.kind}' säger "
                                                     f"att organet beslutade; ta bort 'kind' (eller skriv 'kind_as_"
                                                     f"given' med källans ord), eller skriv 'known_from: "
                                                     f"{KnownFrom.OMNAMNANDE.value}' om källan är en nyhet som "
                                                     "berättar om ett fattat beslut")


def lead_paragraph(texts: list[str]) -> str:
    """The first paragraph of running text in `texts` (no heading, HTML, table or list), as lund.se's listings
    show it; '' when there is none."""
    paragraphs = (p.strip() for text in texts for p in text.split("\n\n"))
    return next((p for p in paragraphs if p and not p.startswith(("#", "<", "|", "-", "*"))), "")


NO_BODY_KEY = "organ-anges-inte"
"""A meeting's file name where the source names no body: '<date>-organ-anges-inte.md' (never a body's id: refused in
committees/)."""

UNDATED_PREFIX = "datum-anges-inte-"
"""How an undated meeting's file name begins: 'datum-anges-inte-<committee>-<words>.md', the words the editor's."""


def undated_file_problem(stem: str, committee: str, what: str = "mötet") -> str:
    """What is wrong with an undated meeting's (or outside decision's, `what`) file name, in Swedish naming the
    expected form; '' where nothing."""
    prefix = f"{UNDATED_PREFIX}{committee}-"
    if stem.startswith(prefix) and len(stem) > len(prefix):
        return ""
    return (f"filen heter {stem}.md men {what} har 'date: {NOT_STATED}'; ge filen namnet {prefix}<ord>.md, där <ord> "
            f"är några egna ord med små bokstäver, siffror och bindestreck, t.ex. {prefix}12-september.md")


def outside_file_problem(stem: str, meeting: Meeting) -> str:
    """What is wrong with the file name of a decision taken outside a meeting, in Swedish naming the expected form
    ('<date>-<body>-<words>.md': several decisions of one day each get a file); '' where nothing."""
    if meeting.date is None:
        return undated_file_problem(stem, meeting.body_key, "beslutet")
    prefix = f"{meeting_id(meeting.date, meeting.body_key)}-"
    if stem.startswith(prefix) and len(stem) > len(prefix):
        return ""
    return (f"filen heter {stem}.md men beslutet ('decided_as') gäller {meeting.body_key} {dates.iso(meeting.date)}; "
            f"ge filen namnet {prefix}<ord>.md, där <ord> är några egna ord med små bokstäver, siffror och "
            f"bindestreck, t.ex. {prefix}bidrag-musikforening.md")


def sort_day(date: dates.Day | None) -> dt.date | None:
    """Where lists place a meeting or a sitting: its day, or the last day of its month or year where only that is
    known (by then it was held); None where the source gives no date, the one convention of 'undated': never a day
    made up for it (`chronological` and `undated_last` place it after the dated)."""
    return dates.last_day(date) if date is not None else None


def undated_last(day: dt.date | None) -> dt.date:
    """A `sort_day` as an oldest-first sort key: None (no date) after every dated one."""
    return dt.date.max if day is None else day


def chronological(meetings: Iterable[Meeting], newest_first: bool = False) -> list[Meeting]:
    """The one order of every list of meetings: by date (a day, then its month, then its year; newest or oldest
    first), by body; those whose date the source does not give after every dated one, either way, by id."""
    dated: list[tuple[tuple[dt.date, int, str], Meeting]] = []
    undated: list[Meeting] = []
    for m in meetings:
        if m.date is None:
            undated.append(m)
        else:
            dated.append(((*day_order(m.date), m.body_key), m))
    dated.sort(key=lambda pair: pair[0], reverse=newest_first)
    return [*(m for _, m in dated), *sorted(undated, key=lambda m: m.id)]


def day_order(day: dates.Day) -> tuple[dt.date, int]:
    """Where a date of any precision stands: at its last day, a broader one after (a year after its December)."""
    return dates.last_day(day), dates.breadth(day)


def meeting_id(day: dates.Day, committee: str) -> str:
    """A meeting's id (and file name): its date and its body, '2021-06-09-socialnamnden' ('2020-11-kommunstyrelsen'
    for a meeting known to the month, '2017-kommunstyrelsen' to the year)."""
    return f"{day.isoformat()}-{committee}"


class CitedDecision(Record):
    """A decision a report cites, written as an agreement's `cited_steps` write one: by date and paragraph (or its
    month or year), and the body only where the source names it; by its body alone (`decision: anges inte`) where
    the source gives no date."""

    decision: CitedDecisionField
    """The decision as cited: '2014-03-31 § 76'; None ('anges inte') where the source gives no date, with or
    without its body ("enligt tidigare beslut" names neither)."""
    paragraphs: UndatedParagraphs = ()
    """With no date: the paragraphs the source gives ('decision: "§ 68"')."""
    body: Slug | None = None
    """The body that took it (a file in committees/), where the source names it."""
    body_as_given: Text | None = None
    """A body that is none of ours, in the source's words ("Länsstyrelsens beslut 16 oktober 2019": 'Länsstyrelsen'),
    instead of `body`: shown as the source's, never linked nor taken for a meeting published here."""
    name: Text | None = None
    """The source's words for the decision, where it names it ('trygghetspaketet'): shown as given."""
    date_as_given: Text | None = None
    """With no date: the day the source gives without its year ("26 februari beslutade stadsbyggnadsnämnden"),
    shown as given with 'året anges inte', never read as a date nor linked to a meeting."""

    @model_validator(mode="before")
    @classmethod
    def _paragraphs_alone(cls, data: object) -> object:
        return _undated_paragraphs(data)

    @model_validator(mode="after")
    def _named(self) -> CitedDecision:
        """A report may cite a decision by neither date nor body ("enligt tidigare beslut ett årsanslag"): then
        nothing more of it is known than its `name`, if any, shown 'tidigare beslut (datum och organ anges inte)'."""
        if self.body is not None and self.body_as_given is not None:
            raise FieldError(("body_as_given",), "ange organet antingen med 'body: <id>' (ett organ i committees/) "
                                                 "eller med källans ord under 'body_as_given' (ett organ utanför "
                                                 "kommunen, t.ex. Länsstyrelsen), inte båda")
        if self.paragraphs or self.date_as_given is not None:
            _dated_or_by_body(self.decision, self.body or self.body_as_given)
        if self.date_as_given is not None and self.decision is not None:
            raise FieldError(("date_as_given",), f"beslutet har ett datum ({self.decision}); ta bort "
                                                 "'date_as_given' (den skrivs bara med 'decision: anges inte')")
        if self.date_as_given is not None and re.search(r"\d{4}", self.date_as_given):
            raise FieldError(("date_as_given",), f"'{self.date_as_given}' anger ett år; skriv datumet i 'decision', "
                                                 "t.ex. '2017-02' eller '2017', och ta bort 'date_as_given'")
        return self


class Report(Sourced):
    """An officer's report (tjänsteskrivelse): the proposal behind a decision."""

    id: Slug
    case_number: CaseNumber
    date: dt.date
    title: Text
    committee: Slug | None = None
    cited_decisions: list[CitedDecision] = []
    """Decisions the report cites ("Kommunfullmäktige beslutade den 31 mars 2014 (§ 76)"), published here or not."""
    body: Prose = ""


# -- the meeting schedule (kept apart so that Committee's own lines stay as they were) ------------


def _clock(value: object) -> object:
    """'13:00' or '13.00' as a time; YAML reads them unquoted as the numbers 780 and 13.0, so ask for quotes."""
    if isinstance(value, int | float):
        raise ValueError(  # noqa: TRY004 (pydantic)
            'skriv klockslaget inom citattecken, t.ex. "13:00" eller "13.00" (utan citattecken läses det som ett tal)')
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
    note: Text | None = None
    """What the schedule says beside the date, in its words ('årsredovisning', 'VIP')."""
    source: Text | None = None
    """Where the date comes from where it is no meeting plan, in words that follow 'Enligt' ('en nyhet på lund.se
    3 mars 2024', 'kallelsen'); None: the body's meeting plan (sammanträdesplanen)."""

    @model_validator(mode="after")
    def _ordered(self) -> PlannedMeeting:
        _check_times(self.start, self.end)
        return self


class Adjournment(Record):
    """A break in a meeting as the source states it: its times ("Sammanträdet ajourneras kl. 10.05–10.20"), or the
    source's words where it gives none ("Sammanträdet ajourneras för lunch")."""

    start: Clock | None = None
    end: Clock | None = None
    """When the meeting resumed; None where the source does not say."""
    as_given: Text | None = None
    """The break in the source's words where it gives no time (instead of `start`, and never made one)."""

    @property
    def label(self) -> str:
        """'Ajournering 10.05–10.20'; 'Ajournering från 10.05, slut anges inte'; 'Ajournering: för lunch (enligt
        källan)'."""
        if self.start is None:
            assert self.as_given is not None  # _stated: one of them is given
            return f"Ajournering: {as_source_says(self.as_given)}"
        if self.end is None:
            return f"Ajournering från {dates.clock(self.start)}, slut {NOT_STATED}"
        return f"Ajournering {dates.clock(self.start)}–{dates.clock(self.end)}"

    @model_validator(mode="after")
    def _stated(self) -> Adjournment:
        if (self.start is None) == (self.as_given is None):
            raise FieldError(("start",), "skriv ajourneringens tid, t.ex. {start: \"10:05\", end: \"10:20\"}, eller "
                                         "källans ord när den inte anger någon tid, t.ex. {as_given: för lunch} "
                                         "(inte båda)")
        if self.end is not None and self.start is not None and self.end <= self.start:
            raise FieldError(("end",), "ajourneringen slutar innan den börjar; 'end' ska vara efter 'start'")
        if self.end is not None and self.start is None:
            raise FieldError(("end",), "'end' kräver 'start'")
        return self

    def within(self, start: dt.time | None, end: dt.time | None, loc: tuple[str | int, ...]) -> None:
        """A break falls within the meeting's stated times: never before it starts nor after it ends."""
        if start is not None and self.start is not None and self.start < start:
            raise FieldError((*loc, "start"), f"ajourneringen börjar {dates.clock(self.start)}, före sammanträdet "
                                              f"({dates.clock(start)}); rätta 'start'")
        last = self.end or self.start
        if end is not None and last is not None and last > end:
            raise FieldError((*loc, "end" if self.end else "start"), f"ajourneringen slutar efter sammanträdet "
                                                                     f"({dates.clock(end)}); rätta tiden")


def _check_times(start: dt.time | None, end: dt.time | None,
                 ends_early: str = "sammanträdet slutar innan det börjar") -> None:
    """An end needs a start and comes after it (a meeting's, a plan's, an agenda item's: `ends_early` says whose)."""
    if end and not start:
        raise FieldError(("end",), "'end' kräver 'start'")
    if start and end and end <= start:
        raise FieldError(("end",), f"{ends_early}; 'end' ska vara efter 'start'")


def _unique_dates(plans: list[PlannedMeeting]) -> list[PlannedMeeting]:
    dates = [m.date for m in plans]
    twice = sorted({d.isoformat() for d in dates if dates.count(d) > 1})
    if twice:
        raise ValueError(f"samma datum står flera gånger: {', '.join(twice)}")
    return plans


Schedule = Annotated[list[PlannedMeeting], AfterValidator(_unique_dates)]
"""A committee's planned meetings, one per date."""

Committee.model_rebuild()
Matter.model_rebuild()
Meeting.model_rebuild()
