"""The loaded content as one linked whole: records by id and the relations between them.

References between records are resolved here once per build; an unknown id becomes a Problem
naming the file, the field and the closest known id.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from . import citations, dates, kinds, names, renewal, suggest
from .categories import DECISION_IN_WORDS, StepAction
from .citations import Citation
from .dates import Day
from .errors import Problem
from .frontmatter import Document, Loc, label
from .kinds import Kind
from .model import (
    NOT_STATED,
    Agreement,
    CitedDecision,
    CitedStep,
    Committee,
    Matter,
    Meeting,
    Partner,
    PlannedMeeting,
    Report,
    Stage,
    Step,
    Term,
    as_source_says,
    chronological,
    day_order,
    decided_later_label,
    meeting_id,
    parties_named,
    sort_day,
    undated_last,
)
from .renewal import Comparison

Pair = tuple[Any, Document]


@dataclass
class CaseFile:
    """Everything filed under one case number (diarienummer): the officer's reports, the matters that
    decided it and the agreements it concerns."""

    number: str
    reports: list[Report] = field(default_factory=list)
    matters: list[Matter] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)


NO_CASE = CaseFile("")
"""What a record without a (known) case number is filed with: nothing."""


class SittingState(StrEnum):
    """Where a date of a committee's calendar stands on the build date. The value is how the site says it
    (pages, iCalendar, OParl's `meetingState`)."""

    HELD = "genomfört"
    PLANNED = "planerat"
    PASSED = "datumet har passerat, sammanfattning saknas"
    """Planned for a day before the build date, and no summary is published: not shown as still planned, and
    not said to have been held either (it may have been cancelled or moved)."""
    CALLED = "kallat, om sammanträdet hölls anges inte"
    """A published meeting known only from its agenda (`Meeting.known_from`): it was called, never said held."""

    @property
    def confirmed(self) -> bool:
        """Whether the date stands as a meeting's (held, or planned and still ahead): not one whose day passed
        without a summary, nor one known only from its agenda (whether either was held is not known)."""
        return self in (SittingState.HELD, SittingState.PLANNED)


@dataclass(frozen=True)
class Sitting:
    """One date in a committee's calendar: planned, held (a published meeting), or both."""

    committee: Committee | None
    """The body; None for a published meeting whose source names none (in no calendar: `Archive.bodiless_sittings`)."""
    date: Day | None
    """The day; only the month for a published meeting whose source names no day; None for a published meeting
    whose source gives no date (in no calendar: `Archive.undated_sittings`)."""
    plan: PlannedMeeting | None = None
    meeting: Meeting | None = None
    """The published meeting once held; it supersedes the plan (which then only adds time and place)."""

    @property
    def id(self) -> str:
        if self.meeting is not None:
            return self.meeting.id
        assert self.date is not None and self.committee is not None  # a plan always has a date and a body
        return meeting_id(self.date, self.committee.id)

    @property
    def day(self) -> dt.date | None:
        """The day of the sitting; None for a meeting known only to the month, or not dated at all."""
        return self.date if isinstance(self.date, dt.date) else None

    @property
    def sort_day(self) -> dt.date | None:
        """Where the calendar places it, by the meeting's rule (`model.sort_day`): None for an undated meeting's (in
        no calendar)."""
        return sort_day(self.date)

    def state_on(self, today: dt.date) -> SittingState:
        """Held (published), called (published from its agenda), planned, or planned for a day that has passed
        without a published summary."""
        if self.meeting is not None:
            return SittingState.CALLED if self.meeting.agenda_only else SittingState.HELD
        return SittingState.PASSED if undated_last(self.sort_day) < today else SittingState.PLANNED

    @property
    def name(self) -> str:
        """How OParl names it: the body and the date as given ('Socialnämnden 9 juni 2021'), or 'Socialnämnden,
        datum anges inte' for a meeting whose source gives none."""
        name = self.committee.name if self.committee is not None else f"Organ {NOT_STATED}"
        if self.date is None or self.committee is None:
            return f"{name}, {dates.long_date(self.date) if self.date is not None else f'datum {NOT_STATED}'}"
        return f"{name} {dates.long_date(self.date)}"

    @property
    def start(self) -> dt.time | None:
        """The time, as the held meeting's file states it, else as planned; None where the file gives it in words
        (`start_as_given`), which then stand in place of the plan's."""
        if self.meeting and (self.meeting.start or self.meeting.start_as_given):
            return self.meeting.start
        return self.plan.start if self.plan else None

    @property
    def end(self) -> dt.time | None:
        if self.meeting and (self.meeting.start or self.meeting.start_as_given):
            return self.meeting.end
        return self.plan.end if self.plan else None

    @property
    def time_as_given(self) -> str:
        """The start in the source's words, as the meeting's page and calendar event say it; '' where none."""
        return self.meeting.time_as_given if self.meeting else ""

    @property
    def time_stated(self) -> bool:
        return self.start is not None

    @property
    def unstated_time(self) -> str:
        """What a page says where no time is stated: 'tid anges inte', or 'dag och tid anges inte' for a meeting
        known only to the month."""
        return "tid anges inte" if self.day else "dag och tid anges inte"

    @property
    def hours(self) -> str:
        """The stated time as pages write it: '13.00–16.00', '13.00' with no end; '' where none is stated."""
        return dates.hours(self.start, self.end)

    @property
    def time_label(self) -> str:
        """What the meeting's page says of its time after the date: 'kl. 13.00–16.00', '(tid anges inte)', or ''
        where the source gives the start in words (said on a line of its own, `time_as_given`)."""
        if self.hours:
            return f"kl. {self.hours}"
        return "" if self.time_as_given else f"({self.unstated_time})"

    @property
    def starts_at(self) -> dt.datetime | None:
        """When the meeting starts, in Stockholm, for open data that needs a date-time (OParl `start`, an
        iCalendar event's time); None where no time is stated: no time is invented (pages, calendars and OParl then
        give the date alone, at the precision the source gives)."""
        if self.day is None or self.start is None:
            return None
        return dt.datetime.combine(self.day, self.start, dates.TIMEZONE)

    @property
    def ends_at(self) -> dt.datetime | None:
        if self.day is None or not (self.start and self.end):
            return None
        return dt.datetime.combine(self.day, self.end, dates.TIMEZONE)

    @property
    def place(self) -> str | None:
        return (self.meeting.place if self.meeting else None) or (self.plan.place if self.plan else None)

    @property
    def note(self) -> str | None:
        """What the schedule says beside the date ('årsredovisning'), also once the meeting is held."""
        return self.plan.note if self.plan else None

    @property
    def note_label(self) -> str:
        """The schedule's note as lists write it beside the date: '(årsredovisning)'; '' where it has none."""
        return f"({self.note})" if self.note else ""

    @property
    def date_source(self) -> str | None:
        """Where the planned date comes from where that is no meeting plan (a news item, an agenda), in the
        source's words (`PlannedMeeting.source`); None for the meeting plan."""
        return self.plan.source if self.plan else None

    @property
    def according_to(self) -> str:
        """Where the planned date comes from, as pages and the calendar say it: 'Enligt sammanträdesplanen', or
        the source's words ('Enligt en nyhet på lund.se 3 mars 2024'). The one place of this phrase."""
        return f"Enligt {self.date_source or MEETING_PLAN}"

    @property
    def date_source_label(self) -> str:
        """What lists write after a date another source than the meeting plan gives: '(enligt kallelsen)'; ''
        for the plan, which lists take for granted."""
        return f"({self.according_to[:1].lower()}{self.according_to[1:]})" if self.date_source else ""

    @property
    def plan_line(self) -> str:
        """What a calendar event says of the plan: 'Enligt sammanträdesplanen: årsredovisning.', 'Enligt kallelsen.'
        for a date from another source; '' for a plain date of the meeting plan."""
        if self.note:
            return f"{self.according_to}: {self.note}."
        return f"{self.according_to}." if self.date_source else ""


MEETING_PLAN = "sammanträdesplanen"
"""Where a planned meeting's date comes from unless its `source` says otherwise."""


CitedBy = tuple[Matter | Meeting | Citation | None, Committee | None, str | None, tuple[int, ...], str | None,
                str | None]
"""A decision a report or matter cites (Archive.decisions_cited_by): the published record or the citation, the body
its source names, its name in the source's words, and the paragraphs and the day without its year
(`date_as_given`) of one without a date; last, a body that is none of ours in the source's words (`body_as_given`)."""


UNDATED_STEPS = "Steg utan datum i källan"
"""The heading (and the CSV cell's label) of an agreement's steps whose decisions the source does not date: shown
apart from the ordered ones, in no order (Archive.steps_apart)."""


@dataclass(frozen=True)
class AgreementStep:
    """One step of an agreement's way through the bodies (a proposal, a mandate, the adoption, an amendment, an
    extension, the termination): the decision, its body and date, as pages, data and OParl show it."""

    agreement: Agreement
    action: StepAction
    decision: Matter | Meeting | Citation | None
    """The published matter; or a decision whose meeting is not published, as the agreement cites it (`adopted_by`,
    `cited_steps`), or the published meeting a date alone in `adopted_by` names; None for a cited step whose source
    names only the body ('decision: anges inte')."""
    date: dates.Stated | None
    """The decision's day; its month or year alone where that is all the source gives; None where it gives none."""
    body: Committee | None
    """The body that took the decision: a published one's; a cited step's as its source names it; `adopted_by`'s the
    agreement's committee (or the body whose work it continued then); None where no body is named."""
    to: Committee | None = None
    """The body a proposal goes to."""
    refers_to: Matter | None = None
    """The matter whose step this one follows."""
    end: dates.Stated | None = None
    """The end the decision states (an extension's new end, a termination's last day); None where it states none."""
    where: tuple[Document, Loc] | None = field(default=None, compare=False)
    """The file and field the step is written in (for messages)."""
    proposes: StepAction | None = None
    """With a proposal: what it asks the other body to do, where the source says it."""
    condition: str | None = None
    """The condition the decision sets, in the source's words ('under förutsättning att …')."""
    by: str | None = None
    """Who made a proposal that is no body's decision (a förvaltning, an officer), in the source's words."""
    paragraphs: tuple[int, ...] = ()
    """A cited decision without a date: the paragraphs its source gives ('§ 68'), else none."""
    proposed_end: dates.Stated | None = None
    """The new end a proposal to extend asks for: the proposal's, never `end` (which only a decision sets)."""
    announced: bool = False
    """A decision the source announces and that is not yet taken: its `date` the announced one (Archive.announced_of;
    never among steps_of)."""
    as_given: str | None = None
    """The source's words for what the step proposes or does ('proposes: anges inte'), shown after its wording."""

    @property
    def matter(self) -> Matter | None:
        return self.decision if isinstance(self.decision, Matter) else None

    @property
    def sort_day(self) -> dt.date:
        """Where the step stands in the order: its day, or the last day of its month; a step whose date the source
        does not give after every dated one in the list (the file's order among them), which pages and data show
        apart, in no order (Archive.steps_apart)."""
        return dt.date.max if self.date is None else dates.last_day(self.date)

    @property
    def in_order(self) -> bool:
        """Whether the step has a place in the order of the steps: only a dated one. A step whose decision the source
        does not date stands apart (UNDATED_STEPS), never after or before another."""
        return self.date is not None

    @property
    def proposes_other(self) -> bool:
        """Whether the step proposes something else than to adopt the agreement, to sign or to approve it (to amend,
        extend or terminate an existing one): no proposal of the agreement itself."""
        return self.proposes not in (None, StepAction.ADOPT, StepAction.MANDATE, StepAction.AUTHORISE)

    @property
    def label(self) -> str:
        """What the decision does, as a meeting page names it before the agreement: 'Föreslår', 'Antar', 'Föreslår
        kommunstyrelsen att säga upp' (the rest of the wording follows the agreement: after_agreement)."""
        if not self.proposal:
            return (self._in_words or self.action.label) + self._source_words
        return f"{self.action.label}{f' {self.to.in_text}' if self.to else ''} {self.proposal}{self._source_words}"

    @property
    def _in_words(self) -> str:
        """'Beslut om överenskommelsen' for a decision whose action the source does not state but words (`as_given`):
        its label and outcome, the words after it; '' for any other step, named by its action."""
        return DECISION_IN_WORDS if self.action is StepAction.UNSTATED and self.as_given else ""

    @property
    def _source_words(self) -> str:
        """' (enligt källan: …)' after the step's wording where the source's own words say what it proposes or does
        (`as_given`); '' where none are written."""
        return f" (enligt källan: {self.as_given})" if self.as_given else ""

    @property
    def proposal(self) -> str:
        """What a proposal asks the other body to do, as label and outcome say it ('att säga upp', 'att förlänga till
        31 december 2026' with a proposed end); '' where the source does not say."""
        if self.proposes is None or self.proposes is StepAction.UNSTATED:
            return ""
        end = f" till {dates.long_date(self.proposed_end)}" if self.proposed_end is not None else ""
        return f"att {self.proposes.infinitive}{end}"

    @property
    def detail(self) -> str:
        """Where a proposal goes and when an extension or termination ends, or that the source does not say
        ('till kommunstyrelsen', 'till 31 december 2025', 'sista dag anges inte'); '' for the other steps."""
        end = dates.long_date(self.end) if self.end is not None else None
        match self.action:
            case StepAction.PROPOSE if self.proposal and self.to is not None:
                return ""  # the label names the body: 'Föreslår kommunstyrelsen att säga upp'
            case StepAction.PROPOSE:
                return f"till {self.to.in_text}" if self.to else "till vilket organ anges inte"
            case StepAction.EXTEND:
                return f"till {end}" if end else "nytt slutdatum anges inte"
            case StepAction.TERMINATE:
                return f"upphör {end}" if end else "sista dag anges inte"
            case _:
                return ""

    def announced_label(self, today: dt.date) -> str:
        """An announced decision as the source gives it, the one wording: 'Enligt källan ska Kommunstyrelsen besluta
        7 november 2017 (om att anta)'; once its date has passed by `today`, never said taken: 'Enligt källan beslut
        aviserat till 7 november 2017 i kommunstyrelsen (om att anta); om det fattades anges inte'."""
        when = dates.long_date(self.date) if self.date is not None else f"datum {NOT_STATED}"
        what = self._announced_what
        if self.date is not None and dates.last_day(self.date) < today:
            where = f" i {self.body.in_text}" if self.body else f", organ {NOT_STATED}"
            return f"Enligt källan beslut aviserat till {when}{where} ({what}); om det fattades {NOT_STATED}"
        who = self.body.name if self.body else f"ett organ (vilket {NOT_STATED})"
        return f"Enligt källan ska {who} besluta {when} ({what})"

    @property
    def _announced_what(self) -> str:
        """What an announced decision is to decide: 'om att anta', 'om att föreslå kommunfullmäktige att anta', 'om
        att förlänga till 31 december 2026'; 'vad som ska beslutas anges inte'."""
        if self.action is StepAction.UNSTATED:
            what = f"vad som ska beslutas {NOT_STATED}"
        elif self.action is StepAction.PROPOSE:
            what = " ".join(x for x in ("om att föreslå", self.to.in_text if self.to else "", self.proposal) if x)
        elif self.end is not None:
            what = f"om att {self.action.infinitive}{' ' if self.action is StepAction.EXTEND else ', '}{self.detail}"
        else:
            what = f"om att {self.action.infinitive}"
        return f"{what}, {self.condition}" if self.condition else what

    @property
    def after_agreement(self) -> str:
        """What a meeting page says after the agreement's name (label before it): the detail in brackets, then the
        condition, ' (till 31 december 2025)', ', under förutsättning att …'; '' for a plain step. Composed here, with
        `outcome`, so that no template joins a step's words."""
        return self._conditioned(f" ({self.detail})" if self.detail else "")

    @property
    def outcome(self) -> str:
        """What the step did to the agreement, as its page says it: 'Förslag till kommunstyrelsen', 'Antagen',
        'Förlängd till 31 december 2025', 'Uppsagd (sista dag anges inte)', 'Förslag till kommunstyrelsen att säga
        upp', 'Antagen, under förutsättning att …'."""
        return self._conditioned(self._outcome + self._source_words)

    def _conditioned(self, words: str) -> str:
        """The one place a step's condition joins its wording, last: '…, under förutsättning att …'."""
        return f"{words}, {self.condition}" if self.condition else words

    @property
    def _outcome(self) -> str:
        outcome = self._in_words or self.action.outcome
        done = f"{outcome} från {self.by}" if self.by else outcome
        if self.proposal:
            return f"{done} till {self.to.in_text} {self.proposal}" if self.to else (
                f"{done} {self.proposal} ({self.detail})")
        if not self.detail:
            return done
        stated = self.to if self.action is StepAction.PROPOSE else self.end
        if stated is None:
            return f"{done} ({self.detail})"
        return f"{done}, {self.detail}" if self.action is StepAction.TERMINATE else f"{done} {self.detail}"


@dataclass
class Archive:
    """Every record of the site and how they relate; built once, read by every page."""

    committees: dict[str, Committee]
    partners: dict[str, Partner]
    meetings: list[Meeting]
    """Every decisions/ record, newest first: the meetings and the decisions taken outside a meeting
    (`Meeting.outside`), which no list of meetings, calendar or OParl Meeting holds (`outside_decisions`)."""
    agreements: dict[str, Agreement]
    reports: dict[str, Report]
    sources: dict[tuple[Kind, str], Document] = field(default_factory=dict)
    """The file each record came from, by (kind, id): for 'last updated' and error messages."""
    problems: list[Problem] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)
    """Ids of files that failed to load: references to them are not reported again."""
    withheld: list[Problem] = field(default_factory=list)
    """Meetings dated after the build date, left out (see loader.load): notices, not errors."""
    unfilled: list[Problem] = field(default_factory=list)
    """Settings still holding the placeholder where a local build takes one (municipality.FILL_IN): refused by a
    build to publish, a notice in a local one (`notices`)."""
    reviewed: dict[Path, set[str]] = field(default_factory=dict)
    """Numbers editors have listed as checked (`reviewed_numbers`), by the file that lists them: in that file, and
    in that file alone, they are not personal identity numbers."""

    meeting_of: dict[str, Meeting] = field(default_factory=dict)
    """The meeting each matter was decided at, by matter id."""
    matters: dict[str, Matter] = field(default_factory=dict)
    adopting_matter: dict[str, Matter] = field(default_factory=dict)
    """The published matter that adopted each agreement."""
    steps_by_agreement: dict[str, list[AgreementStep]] = field(default_factory=lambda: defaultdict(list))
    """Each agreement's steps, in order (Archive.steps_of)."""
    announced_by_agreement: dict[str, list[AgreementStep]] = field(default_factory=lambda: defaultdict(list))
    """Decisions a source announces and that are not yet taken (`cited_steps` with `announced: true`), in the file's
    order: kept out of `steps_by_agreement`, so that no term, status, signing or Consultation ever reads them."""
    steps_by_matter: dict[str, list[AgreementStep]] = field(default_factory=lambda: defaultdict(list))
    """The steps each matter's decision takes, as its file lists them."""
    follows: dict[str, Matter] = field(default_factory=dict)
    """The earlier matter each matter continues (its `refers_to`), by the later matter's id."""
    followed_by: dict[str, list[Matter]] = field(default_factory=lambda: defaultdict(list))
    """The later matters that continue each matter (their `refers_to`), oldest first, by the earlier matter's id."""
    _written_steps: list[tuple[Meeting, Matter, Document, Loc, Step]] = field(default_factory=list)
    """The steps as the meeting files write them, resolved once every matter is known (_link_steps)."""
    matters_about_agreement: dict[str, list[Matter]] = field(default_factory=lambda: defaultdict(list))
    matters_about_partner: dict[str, list[Matter]] = field(default_factory=lambda: defaultdict(list))
    agreements_of_partner: dict[str, list[Agreement]] = field(default_factory=lambda: defaultdict(list))
    """Newest first."""
    renewed_by: dict[str, Agreement] = field(default_factory=dict)
    preceded: dict[str, list[Agreement]] = field(default_factory=dict)
    """The agreements whose `preceded_by` names an agreement, by its id (the reverse of `preceded_by`)."""
    continued_by: dict[str, Committee] = field(default_factory=dict)
    """The body that continues each body's work, by the earlier body's id."""
    parts: dict[str, list[Committee]] = field(default_factory=lambda: defaultdict(list))
    """The bodies that are part of each body (their `part_of`), by name, by the parent's id."""
    case_files: dict[str, CaseFile] = field(default_factory=dict)
    """Records sharing a case number, by case number."""
    calendar: dict[str, list[Sitting]] = field(default_factory=dict)
    """Each committee's held and planned meetings, by committee id, oldest first."""
    undated_sittings: list[Sitting] = field(default_factory=list)
    bodiless_sittings: list[Sitting] = field(default_factory=list)
    """The published meetings whose source names no body, in list order: in no body's calendar."""
    """Each published meeting whose source gives no date, as a Sitting of its body (OParl, its page), by id: in no
    calendar, never planned nor passed."""
    sitting_of: dict[str, Sitting] = field(default_factory=dict)
    """The calendar entry of each published meeting (with its planned time and place), by meeting id."""

    @classmethod
    def build(cls, records: dict[Kind, list[Pair]], broken: set[str] | None = None) -> Archive:
        """Index the records (with the file each came from, by kind) and resolve every reference between them."""
        def by_id(kind: Kind) -> dict[str, Any]:
            return {r.id: r for r, _ in records.get(kind, [])}

        archive = cls(
            committees=by_id(kinds.COMMITTEE),
            partners=by_id(kinds.PARTNER),
            meetings=chronological((r for r, _ in records.get(kinds.MEETING, [])), newest_first=True),
            agreements=by_id(kinds.AGREEMENT),
            reports=by_id(kinds.REPORT),
            broken=broken or set(),
        )
        for kind, pairs in records.items():
            for record, doc in pairs:
                archive.sources[(kind, record.id)] = doc
        archive._link_bodies()
        archive._check_partners()
        archive._link_meetings()
        archive._link_agreements()
        archive._link_steps()
        archive._link_treatments()
        archive._link_reports()
        archive._link_calendar()
        return archive

    # -- resolution -------------------------------------------------------------------------

    def _check(self, doc: Document, loc: Loc, value: str, known: Iterable[str], what: str, none: str = "ingen") -> bool:
        """Whether `value` is a known id; else a problem: 'det finns ingen nämnd med id …' (`none`: 'inget' for a
        neuter noun such as 'ärende')."""
        known = list(known)
        if value in known:
            return True
        if value in self.broken:
            return False
        self.problems.append(Problem(doc.path, doc.line_of(loc), ".".join(map(str, loc)),
                                     f"det finns {none} {what} med id '{value}'{suggest.hint(value, known, what)}"))
        return False

    def _link_bodies(self) -> None:
        """A body's `continues` names the bodies it continues (one, or several that merged into it); the reverse link
        (their successor) is derived here."""
        for body in self.committees.values():
            doc = self.sources[(kinds.COMMITTEE, body.id)]
            for i, earlier in enumerate(body.continues):
                loc: Loc = ("continues", i) if len(body.continues) > 1 else ("continues",)
                if earlier == body.id:
                    self.problems.append(Problem(doc.path, doc.line_of(loc), label(loc),
                                                 "ett organ kan inte fortsätta sitt eget arbete; skriv filnamnet för "
                                                 "det tidigare organet, eller ta bort 'continues'"))
                elif self._check(doc, loc, earlier, self.committees, "nämnd"):
                    self._succeed(body, earlier, doc, loc)
            if body.since and not body.continues:
                self.problems.append(Problem(doc.path, doc.line_of(("since",)), "since",
                                             "'since' anger när organet tog över ett annat organs arbete; skriv "
                                             "också 'continues' med det tidigare organets filnamn"))
        self._body_cycles("continues", "organen fortsätter varandras arbete i en cirkel ({files}); ett organ kan "
                                       "bara fortsätta ett tidigare organs arbete – ta bort 'continues' i det organ "
                                       "som är först")
        self._link_parts()

    def _link_parts(self) -> None:
        """A body's `part_of` names the body it belongs to; the parent's parts are derived here. A body is never
        part of itself, nor of its own part."""
        for body in sorted(self.committees.values(), key=lambda b: b.name):
            doc = self.sources[(kinds.COMMITTEE, body.id)]
            if body.part_of == body.id:
                self.problems.append(Problem(doc.path, doc.line_of(("part_of",)), "part_of",
                                             "ett organ kan inte vara en del av sig självt; skriv filnamnet för det "
                                             "organ som det är en del av, eller ta bort 'part_of'"))
            elif body.part_of and self._check(doc, ("part_of",), body.part_of, self.committees, "nämnd"):
                self.parts[body.part_of].append(body)
        self._body_cycles("part_of", "organen är delar av varandra i en cirkel ({files}); ett organ kan inte vara "
                                     "en del av sin egen del – ta bort 'part_of' i det organ som är överst")

    def _body_cycles(self, key: str, message: str) -> None:
        """Bodies that name each other in `key` in a circle: one problem per circle, naming its files. A body may
        continue several, but each is continued by one (_succeed): the circles of `continues` are those of its
        reverse, walked backwards."""
        if key == "continues":
            cycles = [_smallest_first(c[::-1]) for c in _cycles({k: v.id for k, v in self.continued_by.items()})]
        else:
            cycles = _cycles({b.id: v for b in self.committees.values() if isinstance(v := getattr(b, key), str)})
        for cycle in cycles:
            doc = self.sources[(kinds.COMMITTEE, cycle[0])]
            files = " → ".join(str(self.sources[(kinds.COMMITTEE, x)].path) for x in [*cycle, cycle[0]])
            self.problems.append(Problem(doc.path, doc.line_of((key,)), key, message.format(files=files)))

    def _succeed(self, body: Committee, earlier: str, doc: Document, loc: Loc) -> None:
        """One successor per body: a history forks when a second body continues the same one (bodies that merge are
        continued by one, which names them all)."""
        other = self.continued_by.setdefault(earlier, body)
        if other is not body:
            self.problems.append(Problem(doc.path, doc.line_of(loc), label(loc), (
                f"'{earlier}' fortsätts redan av {self.sources[(kinds.COMMITTEE, other.id)].path}; ett organs "
                "arbete fortsätts av ett enda organ – rätta 'continues' i den ena filen (slogs organen ihop, "
                "skriv 'continues' bara i det nya, med alla de tidigare organen)")))

    def _check_partners(self) -> None:
        """One organisation, one partner file: the same name or organisation number twice is refused."""
        seen: dict[tuple[str, str], Partner] = {}
        for partner in sorted(self.partners.values(), key=lambda p: p.id):
            doc = self.sources[(kinds.PARTNER, partner.id)]
            keys = [("name", normalised_name(partner.name))]
            if partner.organisation_number:
                keys.append(("organisation_number", partner.organisation_number))
            for field_name, key in keys:
                other = seen.setdefault((field_name, key), partner)
                if other is not partner:
                    self.problems.append(Problem(doc.path, doc.line_of((field_name,)), field_name, (
                        f"{self.sources[(kinds.PARTNER, other.id)].path} beskriver redan samma organisation "
                        f"('{getattr(other, field_name)}'); en organisation ska ha en enda fil i partners/ – "
                        "slå ihop filerna och låt överenskommelserna hänvisa till den")))

    def _link_meetings(self) -> None:
        seen: dict[str, Document] = {}
        for meeting in chronological(self.meetings):
            doc = self.sources[(kinds.MEETING, meeting.id)]
            if meeting.id in seen:
                self.problems.append(Problem(doc.path, doc.line_of(("date",)), "date",
                                             f"{seen[meeting.id].path} gäller redan samma nämnd och datum"))
            seen[meeting.id] = doc
            if meeting.committee is not None and self._check(doc, ("committee",), meeting.committee,
                                                             self.committees, "nämnd"):
                meeting.named_by(self.committees[meeting.committee].name)
            if meeting.decided_by_body is not None and self._check(doc, ("decided_by",), meeting.decided_by_body,
                                                                   self.committees, "nämnd"):
                meeting.decider_named(self.committees[meeting.decided_by_body].name)
            for j, other in enumerate(meeting.with_bodies):
                self._check(doc, ("with_bodies", j), other, self.committees, "nämnd")
            for i, matter in enumerate(meeting.matters):
                self._link_matter(meeting, matter, doc, i)
        for matters in self.matters_about_partner.values():
            order = {m.id: i for i, m in enumerate(self.meetings)}  # newest first, the undated last
            matters.sort(key=lambda m: order[self.meeting_of[m.id].id])

    def _link_matter(self, meeting: Meeting, matter: Matter, doc: Document, i: int) -> None:
        if matter.id in self.matters:
            other = self.sources[(kinds.MEETING, self.meeting_of[matter.id].id)]
            self.problems.append(Problem(doc.path, doc.line_of(("matters", i, "id")), f"matters.{i}.id",
                                         f"id:t '{matter.id}' används redan av ett ärende i {other.path}; "
                                         "välj ett unikt id"))
            return
        self.matters[matter.id] = matter
        self.meeting_of[matter.id] = meeting
        partners: set[str] = set()
        for loc, step in matter.all_steps:
            at: Loc = ("matters", i, *loc)
            if self._check(doc, at if loc[0] == "adopts" else (*at, "agreement"), step.agreement, self.agreements,
                           "överenskommelse"):
                self._about(step.agreement, matter, partners)
                self._written_steps.append((meeting, matter, doc, at, step))
                if step.action is StepAction.ADOPT:
                    self._adopt(step.agreement, matter, doc, at)
        for j, agreement_id in enumerate(matter.agreements):
            if self._check(doc, ("matters", i, "agreements", j), agreement_id, self.agreements, "överenskommelse"):
                self._about(agreement_id, matter, partners)
        for j, partner_id in enumerate(matter.concerns):
            if self._check(doc, ("matters", i, "concerns", j), partner_id, self.partners, "partner"):
                partners.add(partner_id)
        for partner_id in sorted(partners):
            self.matters_about_partner[partner_id].append(matter)
        for number in matter.case_numbers:  # each of several ("KK11/120 KK11/110") ties the item to its case
            self._case(number).matters.append(matter)
        self._check_proposal(meeting, matter, doc, i)
        if matter.decided_later_by:
            self._check(doc, ("matters", i, "decided_later_by"), matter.decided_later_by, self.committees, "nämnd")
        self._check_later_words(matter, doc, i)

    def _check_later_words(self, matter: Matter, doc: Document, i: int) -> None:
        """The source's words for a later decision that are only a known body's name are that body: `decided_later_by`
        names it, the words say when or where."""
        words = (matter.decided_later_as_given or "").casefold()
        body = next((b for b in self.committees.values() if words in (b.id, b.own_name.casefold())), None)
        if body is not None:
            self._problem(doc, ("matters", i, "decided_later_as_given"), (
                f"'{matter.decided_later_as_given}' är organet {body.name}; skriv 'decided_later_by: {body.id}', och "
                "källans ord om när eller var beslutet fattas i 'decided_later_as_given' (eller ta bort det)"))

    def _check_proposal(self, meeting: Meeting, matter: Matter, doc: Document, i: int) -> None:
        """A matter's proposal (`kind: förslag`) goes to a known body other than the one that made it."""
        if matter.to and matter.to == meeting.committee:
            self._problem(doc, ("matters", i, "to"), "ett organ lämnar inte förslag till sig självt; skriv det organ "
                                                     "som förslaget går till (filnamn i committees/)")
        elif matter.to:
            self._check(doc, ("matters", i, "to"), matter.to, self.committees, "nämnd")

    def _about(self, agreement_id: str, matter: Matter, partners: set[str]) -> None:
        """The matter concerns the agreement (once, however many steps it takes), and so its partners."""
        about = self.matters_about_agreement[agreement_id]
        if not about or about[-1] is not matter:
            about.append(matter)
        partners.update(self.agreements[agreement_id].counterparties)

    def _adopt(self, agreement_id: str, matter: Matter, doc: Document, loc: Loc) -> None:
        """One agreement, one adopting decision: a second matter adopting it is an error naming both files."""
        other = self.adopting_matter.setdefault(agreement_id, matter)
        if other is not matter:
            first = self.sources[(kinds.MEETING, self.meeting_of[other.id].id)].path
            self.problems.append(Problem(doc.path, doc.line_of(loc), label(loc), (
                f"överenskommelsen '{agreement_id}' antas redan av ärendet '{other.id}' i {first}; en överenskommelse "
                "antas en gång – ta bort den ena, eller skriv den under 'agreements' om ärendet bara gäller den")))

    def _check_adopted_by(self, agreement: Agreement, doc: Document) -> None:
        """`adopted_by` and the matter that adopts the agreement must name the same decision: the meeting's date,
        paragraphs among the matter's (where it has any), and no other published decision."""
        matter = self.adopting_matter.get(agreement.id)
        if not (matter and agreement.adopted_by):
            return
        meeting, given = self.meeting_of[matter.id], agreement.adopted_by
        cited = self.cited(given)
        held = dates.stated(meeting.date)
        if ((held is None or given.date is None or dates.within(given.date, held) or dates.within(held, given.date))
                and (not matter.paragraphs or set(given.paragraphs) <= set(matter.paragraphs))
                and cited in (None, matter, meeting)):
            return
        where = self.sources[(kinds.MEETING, meeting.id)].path
        self.problems.append(Problem(doc.path, doc.line_of(("adopted_by",)), "adopted_by", (
            f"'adopted_by' pekar på ett annat beslut än ärendet '{matter.id}' i {where}, som antar "
            f"överenskommelsen ('{given}' mot {self.citation_of(matter)}); rätta den ena så att de stämmer, eller "
            "ta bort 'adopted_by'")))

    def _link_agreements(self) -> None:
        for agreement in self.agreements.values():
            doc = self.sources[(kinds.AGREEMENT, agreement.id)]
            named = []
            for loc, partner_id in _counterparty_fields(agreement):
                if self._check(doc, loc, partner_id, self.partners, "partner"):
                    self.agreements_of_partner[partner_id].append(agreement)
                    named.append(self.partners[partner_id].name)
            agreement.partners_named(named)
            for loc, body_id in _body_fields(agreement):
                self._check(doc, loc, body_id, self.committees, "nämnd")
            if agreement.renews == agreement.id:
                self.problems.append(Problem(doc.path, doc.line_of(("renews",)), "renews",
                                             "en överenskommelse kan inte förnya sig själv; skriv id:t för den äldre "
                                             "överenskommelse som den ersätter, eller ta bort 'renews'"))
            elif agreement.renews and self._check(doc, ("renews",), agreement.renews, self.agreements,
                                                  "överenskommelse"):
                other = self.renewed_by.setdefault(agreement.renews, agreement)
                if other is not agreement:
                    self.problems.append(Problem(doc.path, doc.line_of(("renews",)), "renews", (
                        f"'{agreement.renews}' förnyas redan av {self.sources[(kinds.AGREEMENT, other.id)].path}; "
                        "en överenskommelse förnyas av en enda – rätta 'renews' i den ena filen")))
            self._link_preceding(agreement, doc)
            self._check_adopted_by(agreement, doc)
            if agreement.case_number:
                self._case(agreement.case_number).agreements.append(agreement)
        for cycle in _cycles({a.id: a.renews for a in self.agreements.values() if a.renews}):
            for agreement_id in cycle:
                doc = self.sources[(kinds.AGREEMENT, agreement_id)]
                turn = cycle.index(agreement_id)
                chain = [*cycle[turn:], *cycle[:turn], agreement_id]
                self.problems.append(Problem(doc.path, doc.line_of(("renews",)), "renews",
                                             f"förnyelserna går i cirkel ({' → '.join(chain)}); "
                                             "en överenskommelse kan bara förnya en äldre"))
        for agreements in self.agreements_of_partner.values():
            agreements.sort(key=lambda a: a.sort_day, reverse=True)

    def _link_steps(self) -> None:
        """Each agreement's steps, resolved and in order: the published ones, and an adoption cited only by the
        agreement's `adopted_by`; then what cannot be (a step after the termination, a reference to a later
        decision, an extension that ends before the term already does)."""
        for meeting, matter, doc, loc, step in self._written_steps:
            agreement = self.agreements[step.agreement]
            to = None
            if step.to and step.to == meeting.committee:
                self._problem(doc, (*loc, "to"), "ett organ lämnar inte förslag till sig självt; skriv det organ som "
                                                 "förslaget går till (filnamn i committees/)")
            elif step.to and self._check(doc, (*loc, "to"), step.to, self.committees, "nämnd"):
                to = self.committees[step.to]
            refers = self._earlier(meeting, matter, step.refers_to, doc, (*loc, "refers_to"), "steget")
            if refers is not None:
                self._check_reference(meeting, refers, step, doc, (*loc, "refers_to"))
            made = AgreementStep(agreement, step.action, matter, dates.stated(meeting.date),
                                 self.body_of(meeting),
                                 to, refers, step.decided_end, (doc, loc), step.proposes, step.condition,
                                 proposed_end=step.proposed_end, as_given=step.as_given)
            self.steps_by_agreement[agreement.id].append(made)
            self.steps_by_matter[matter.id].append(made)
        for agreement in self.agreements.values():
            doc = self.sources[(kinds.AGREEMENT, agreement.id)]
            if agreement.adopted_by and agreement.id not in self.adopting_matter:
                decision = self.cited(agreement.adopted_by) or agreement.adopted_by
                body = self.decided_by(decision, self.responsible_for(agreement))
                self.steps_by_agreement[agreement.id].append(AgreementStep(
                    agreement, StepAction.ADOPT, decision, agreement.adopted_by.date, body,
                    where=(doc, ("adopted_by",))))
            self._link_cited_steps(agreement, doc)
        for agreement_id, steps in self.steps_by_agreement.items():
            steps.sort(key=lambda s: (s.sort_day, self._depth(s.refers_to)))  # stable: undated ones in file order
            self._check_order(self.agreements[agreement_id], steps)
        for agreement in self.agreements.values():
            stated = {dates.first_day(d).year for d in (agreement.date, agreement.signed_on,
                                                        *(s.date for s in self.steps_of(agreement))) if d is not None}
            self.problems += names.unstated_term_problems(agreement, self.sources[(kinds.AGREEMENT, agreement.id)],
                                                          stated)

    def _link_cited_steps(self, agreement: Agreement, doc: Document) -> None:
        """An agreement's `cited_steps`: decisions whose meetings are not published, with the body their source
        names (none guessed); one published here belongs in its meeting's file instead."""
        for j, cited in enumerate(agreement.cited_steps):
            loc: Loc = ("cited_steps", j)
            published = self._published_as(agreement, cited)
            if published is not None:
                where = self.sources[(kinds.MEETING, self.meeting_of[published.id].id)].path
                self._problem(doc, (*loc, "decision"), f"beslutet {cited.decision} är publicerat: ärendet "
                                                       f"'{published.id}' i {where}; skriv steget där, under "
                                                       "'steps', och ta bort det här")
                continue
            adopted = agreement.adopted_by or agreement.id in self.adopting_matter
            if cited.action is StepAction.ADOPT and not cited.announced and adopted:
                self._problem(doc, (*loc, "action"), "överenskommelsen antas redan av ett annat beslut ('adopted_by' "
                                                     "eller ett ärende); en överenskommelse antas en gång")
                continue
            body = to = None
            if cited.body and self._check(doc, (*loc, "body"), cited.body, self.committees, "nämnd"):
                body = self.committees[cited.body]
            if cited.to and self._check(doc, (*loc, "to"), cited.to, self.committees, "nämnd"):
                to = self.committees[cited.to]
            steps = self.announced_by_agreement if cited.announced else self.steps_by_agreement
            steps[agreement.id].append(AgreementStep(
                agreement, cited.action, cited.decision, cited.decision.date if cited.decision else None, body, to,
                None, cited.decided_end, (doc, loc), cited.proposes, cited.condition, cited.by, cited.paragraphs,
                cited.proposed_end, cited.announced, cited.as_given))

    def _published_as(self, agreement: Agreement, cited: CitedStep) -> Matter | None:
        """The published matter a cited step names: the one its date and paragraphs cite, or, where its date alone
        names a day, a matter of that day (of its body, where named) that already concerns the agreement (a
        decision a mention tells of): written twice, it would be two steps."""
        decision = cited.decision
        found = self.cited(decision) if decision is not None else None
        if isinstance(found, Matter) or decision is None or not isinstance(decision.date, dt.date):
            return found if isinstance(found, Matter) else None
        about = (m for m in self.matters_about(agreement) if (meeting := self.meeting_of[m.id]).day == decision.date
                 and not meeting.decisions_unstated and cited.body in (None, meeting.committee)
                 and not (decision.paragraphs and m.paragraphs))  # both numbered: `cited` has compared them
        return next(about, None)

    def _depth(self, matter: Matter | None) -> int:
        """How many steps precede one that refers to `matter` (a proposal's answer comes after the proposal, also on
        the same day)."""
        depth, seen = 0, set()
        while matter is not None and matter.id not in seen:
            seen.add(matter.id)
            depth += 1
            matter = next((self.matters.get(s.refers_to) for _, s in matter.all_steps if s.refers_to), None)
        return depth

    def _earlier(self, meeting: Meeting, matter: Matter, refers_to: str | None, doc: Document, loc: Loc,
                 what: str) -> Matter | None:
        """The matter a `refers_to` (a step's or a matter's own) names: another published matter, of a meeting not
        dated after this one; None (and the problem) where it is none."""
        if refers_to is None:
            return None
        if refers_to == matter.id:
            itself = "sig självt" if what == "ärendet" else "sitt eget ärende"
            self._problem(doc, loc, f"{what} kan inte hänvisa till {itself}; skriv id:t för det tidigare ärendet "
                                    "(t.ex. nämndens förslag)")
            return None
        if refers_to not in self.matters and self.broken:
            return None  # the matter may be in a file that did not load: that file's problem is reported, not this
        if not self._check(doc, loc, refers_to, self.matters, "ärende", "inget"):
            return None
        refers, earlier = self.matters[refers_to], self.meeting_of[refers_to]
        if meeting.date is None or earlier.date is None:
            return refers  # a meeting whose source gives no date is neither before nor after another
        if dates.last_day(meeting.date) < dates.first_day(earlier.date):
            where = self.sources[(kinds.MEETING, earlier.id)].path
            self._problem(doc, loc, f"{what} är daterat {dates.iso(meeting.date)}, före {what} det hänvisar till "
                                    f"('{refers.id}' i {where}, {dates.iso(earlier.date)}); ett beslut kan bara "
                                    "hänvisa till ett tidigare beslut – rätta datumet eller 'refers_to'")
            return None
        return refers

    def _link_treatments(self) -> None:
        """A matter's `refers_to`: the earlier matter it continues, and the reverse (`continued_in`)."""
        for meeting in self.meetings:
            doc = self.sources[(kinds.MEETING, meeting.id)]
            for i, matter in enumerate(meeting.matters):
                if self.matters.get(matter.id) is not matter:
                    continue  # a duplicate id, already reported
                refers = self._earlier(meeting, matter, matter.refers_to, doc, ("matters", i, "refers_to"), "ärendet")
                if refers is not None:
                    self.follows[matter.id] = refers
                    self.followed_by[refers.id].append(matter)
        for later in self.followed_by.values():
            order = {m.id: i for i, m in enumerate(chronological(self.meetings))}
            later.sort(key=lambda m: order[self.meeting_of[m.id].id])

    def _check_reference(self, meeting: Meeting, refers: Matter, step: Step, doc: Document, loc: Loc) -> None:
        """A step follows a step of the same agreement, and by the body a proposal went to (`_earlier`: taken
        earlier)."""
        theirs = [s for _, s in refers.all_steps if s.agreement == step.agreement]
        earlier = self.meeting_of[refers.id]
        where = self.sources[(kinds.MEETING, earlier.id)].path
        if not theirs:
            self._problem(doc, loc, f"ärendet '{refers.id}' i {where} tar inget steg för överenskommelsen "
                                    f"'{step.agreement}'; 'refers_to' ska peka på ett ärende som föreslår, antar, "
                                    "ändrar … samma överenskommelse")
        elif (proposed := [s.to for s in theirs if s.action is StepAction.PROPOSE and s.to]) \
                and meeting.committee is not None and meeting.committee not in proposed:
            # a meeting whose source names no body may be the one proposed to: not compared, never refused
            names = dates.listing([self.committees[x].in_text if x in self.committees else x for x in proposed])
            body = self.body_of(meeting)
            self._problem(doc, loc, f"ärendet '{refers.id}' i {where} föreslår överenskommelsen för {names}, men "
                                    f"detta sammanträde är {body.in_text if body else meeting.committee}s; rätta "
                                    "'to' där eller 'refers_to' här")

    def _check_order(self, agreement: Agreement, steps: list[AgreementStep]) -> None:
        """Nothing follows a termination; an amendment, extension or termination is not dated before the adoption;
        an extension's end is later than the term's."""
        adopted = next((s for s in steps if s.action.adopts), None)
        ended: AgreementStep | None = None
        for step in steps:
            if step.where is None:
                continue
            doc, loc = step.where
            if step.date is None:
                pass  # an undated step has no place in time (Archive.steps_apart): only its end is checked
            elif ended is not None:
                self._problem(doc, loc, f"överenskommelsen '{agreement.id}' sägs redan upp av "
                                        f"{self._named(ended)}; ett senare beslut kan inte "
                                        f"{step.action.infinitive} den – skriv en ny överenskommelse")
            elif (adopted is not None and adopted.date is not None
                  and step.action in (StepAction.AMEND, StepAction.EXTEND, StepAction.TERMINATE)
                  and step.sort_day < dates.first_day(adopted.date)):
                self._problem(doc, loc, f"beslutet ({dates.iso(step.date)}) är daterat före beslutet som antar "
                                        f"överenskommelsen ({self._named(adopted)}); ett beslut kan inte "
                                        f"{step.action.infinitive} den innan den är antagen – rätta datumet")
            if (step.action is StepAction.EXTEND and step.end is not None and agreement.term is not None
                    and agreement.term.last_day is not None and dates.last_day(step.end) <= agreement.term.last_day):
                self._problem(doc, (*loc, "end"), f"förlängningen slutar {dates.iso(step.end)}, men perioden slutar "
                                                  f"redan {dates.iso(agreement.term.stated_end or step.end)}; skriv "
                                                  "det nya slutdatumet som beslutet anger")
            if step.action is StepAction.TERMINATE and step.date is not None:
                ended = step

    def _named(self, step: AgreementStep) -> str:
        """A step's decision in a message: 'ärendet x (2024-05-12)' or the cited decision."""
        if step.matter is not None and step.date is not None:
            return f"ärendet '{step.matter.id}' ({dates.iso(step.date)})"
        if step.decision is None:
            return f"beslutet av {step.body.in_text if step.body else 'okänt organ'} (datum anges inte)"
        return f"beslutet {self.citation_of(step.decision)}"

    def _problem(self, doc: Document, loc: Loc, message: str) -> None:
        self.problems.append(Problem(doc.path, doc.line_of(loc), label(loc), message))

    def _link_reports(self) -> None:
        for report in self.reports.values():
            doc = self.sources[(kinds.REPORT, report.id)]
            if report.committee:
                self._check(doc, ("committee",), report.committee, self.committees, "nämnd")
            self._case(report.case_number).reports.append(report)
            self._check_cited_decisions(report, doc, ())
        for meeting in self.meetings:  # a matter cites decisions as a report does (once every meeting is known)
            doc = self.sources[(kinds.MEETING, meeting.id)]
            for i, matter in enumerate(meeting.matters):
                self._check_cited_decisions(matter, doc, ("matters", i))
            if meeting.reported_at is not None:
                self._check_reported(meeting, meeting.reported_at, doc)

    def _check_cited_decisions(self, record: Report | Matter, doc: Document, at: Loc) -> None:
        """Each cited decision's body (`_check_cited_body`)."""
        for j, cited in enumerate(record.cited_decisions):
            self._check_cited_body(cited, doc, (*at, "cited_decisions", j, "body"))

    def _check_cited_body(self, cited: CitedDecision, doc: Document, loc: Loc) -> None:
        """A cited decision's body is a known one, and the body of the decision where that is published here."""
        if not cited.body or not self._check(doc, loc, cited.body, self.committees, "nämnd"):
            return
        published = self.cited(cited.decision) if cited.decision is not None else None
        meeting = self.meeting_with(published) if isinstance(published, Matter) else published
        if meeting is not None and meeting.committee is not None and meeting.committee != cited.body:
            where = self.sources[(kinds.MEETING, meeting.id)].path
            self._problem(doc, loc, f"beslutet {cited.decision} är publicerat i {where}, ett sammanträde i "
                                    f"'{meeting.committee}'; rätta 'body' eller ta bort det")

    def _check_reported(self, decision: Meeting, reported: CitedDecision, doc: Document) -> None:
        """A decision is reported to a meeting of a known body, the one published here where it is (the meeting's
        page lists it: `reported_to`), on or after the day it was taken (`reported_at`)."""
        self._check_cited_body(reported, doc, ("reported_at", "body"))
        when = reported.decision.date if reported.decision is not None else None
        if when is not None and decision.date is not None and dates.last_day(when) < dates.first_day(decision.date):
            self._problem(doc, ("reported_at", "decision"), f"beslutet anmäls {dates.iso(when)}, före dagen det "
                                                            f"fattades ({dates.iso(decision.date)}); rätta "
                                                            "'reported_at' eller 'date'")

    def _case(self, number: str) -> CaseFile:
        return self.case_files.setdefault(number, CaseFile(number))

    def _link_calendar(self) -> None:
        for committee in self.committees.values():
            plans: dict[Day, PlannedMeeting] = {p.date: p for p in committee.planned_meetings}
            held: dict[Day, Meeting] = {m.date: m for m in self.meetings if m.committee == committee.id
                                        and m.date is not None  # an undated meeting has no place in a calendar
                                        and not m.outside}  # nor has a decision taken outside a meeting
            self.calendar[committee.id] = [Sitting(committee, d, plans.get(d), held.get(d))
                                           for d in sorted(plans.keys() | held.keys(), key=day_order)]
            self.sitting_of.update((s.meeting.id, s) for s in self.calendar[committee.id] if s.meeting)
        self.undated_sittings = [Sitting(self.committees[m.committee], None, None, m)
                                 for m in chronological(self.meetings)
                                 if m.undated and m.committee is not None and m.committee in self.committees
                                 and not m.outside]
        self.bodiless_sittings = [Sitting(None, m.date, None, m) for m in chronological(self.meetings, True)
                                  if m.bodiless and not m.outside]
        self.sitting_of.update((s.id, s) for s in [*self.undated_sittings, *self.bodiless_sittings])

    # -- queries ----------------------------------------------------------------------------

    def cited(self, citation: Citation) -> Matter | Meeting | None:
        """The published matter (or meeting, for a date alone) a citation points to, if any: a meeting known only
        from its agenda publishes no decision, so a decision of its day stays the citation (`adopted_by` may say it)."""
        if not isinstance(citation.date, dt.date):
            return None  # a month or a year alone names no meeting's day
        meetings = [m for m in self.meetings_on.get(citation.date, []) if not m.decisions_unstated]
        if not citation.paragraphs:
            return meetings[0] if len(meetings) == 1 else None
        hits = [x for m in meetings for x in m.matters if set(citation.paragraphs) & set(x.paragraphs)]
        return hits[0] if len(hits) == 1 else None

    def upcoming(self, today: dt.date) -> list[Sitting]:
        """Planned meetings not yet held, from `today` on, soonest first."""
        return sorted((s for sittings in self.calendar.values() for s in sittings
                       if s.state_on(today) is SittingState.PLANNED),
                      key=lambda s: (undated_last(s.sort_day), s.committee.name if s.committee else ""))

    def upcoming_of(self, body: Committee, today: dt.date) -> list[Sitting]:
        """One body's planned meetings not yet held, from `today` on, soonest first."""
        return [s for s in self.calendar.get(body.id, []) if s.state_on(today) is SittingState.PLANNED]

    def passed_of(self, body: Committee, today: dt.date) -> list[Sitting]:
        """One body's planned meetings whose day has passed without a published summary, newest first."""
        return [s for s in reversed(self.calendar.get(body.id, [])) if s.state_on(today) is SittingState.PASSED]

    @cached_property
    def meetings_on(self) -> dict[Day, list[Meeting]]:
        """Meetings by day, built once: citations are looked up by date on every page."""
        by_date: dict[Day, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings:
            # a citation names a day: a meeting known to the month is never cited; it names a meeting (a decision
            # outside one is reached through its matters, never by a date)
            if meeting.day is not None and not meeting.outside:
                by_date[meeting.day].append(meeting)
        return dict(by_date)

    def adopting_step(self, agreement: Agreement) -> AgreementStep | None:
        """The step that adopted an agreement: a published matter's, or the decision as the agreement cites it."""
        return next((s for s in self.steps_of(agreement) if s.action.adopts), None)

    def citation_of(self, decision: Matter | Meeting | Citation) -> Citation:
        """How a protocol cites a decision: its meeting's date and its paragraphs."""
        if isinstance(decision, Citation):
            return decision
        if isinstance(decision, Matter):
            meeting = self.meeting_with(decision)
            return Citation(dates.stated(meeting.date), tuple(decision.paragraphs), meeting.paragraph_prefix)
        return Citation(dates.stated(decision.date))

    def paragraph_label(self, matter: Matter) -> str:
        """The matter's paragraphs as its protocol writes them: '§ 112', '§§ 167, 168', 'VON 2'; '' for none."""
        return citations.paragraph_label(matter.paragraphs, self.meeting_with(matter).paragraph_prefix)

    def decisions_cited_by(self, record: Report | Matter) -> list[CitedBy]:
        """The decisions a report or a matter cites, each the published matter (or meeting) where there is one, else
        the citation (None where the source gives no date) with the body its source names (None where it names none:
        no body is guessed); the source's name for it, where it gives one; and the paragraphs of one without a date."""
        return [self._cited_by(cited) for cited in record.cited_decisions]

    def _cited_by(self, cited: CitedDecision) -> CitedBy:
        """A decision of a body that is none of ours (`body_as_given`) is never one published here, on any date."""
        ours = cited.decision is not None and cited.body_as_given is None
        published = self.cited(cited.decision) if ours and cited.decision is not None else None
        body = self.committees.get(cited.body) if cited.body else None
        return ((published, None, cited.name, (), None, None) if published is not None
                else (cited.decision, body, cited.name, cited.paragraphs, cited.date_as_given, cited.body_as_given))

    def reported_at(self, decision: Meeting) -> CitedBy | None:
        """The meeting a decision outside a meeting was reported to ('anmäls'), as `decisions_cited_by` gives a cited
        decision (the published meeting or matter where there is one); None where the source does not say."""
        return self._cited_by(decision.reported_at) if decision.reported_at is not None else None

    @cached_property
    def _reported_by_meeting(self) -> dict[str, list[Matter]]:
        """The decisions taken outside a meeting by the meeting they were reported to, built once from their
        `reported_at` (the one source: a meeting's page asks, never a second list)."""
        by_meeting: dict[str, list[Matter]] = defaultdict(list)
        for decision in chronological(self.outside_decisions):
            cited = self.reported_at(decision)
            record = cited[0] if cited is not None else None
            held = self.meeting_with(record) if isinstance(record, Matter) else record
            if isinstance(held, Meeting):
                by_meeting[held.id].extend(decision.matters)
        return dict(by_meeting)

    def reported_to(self, meeting: Meeting) -> list[Matter]:
        """The decisions taken outside a meeting that were reported to this one ('Anmälda beslut'), oldest first:
        those whose `reported_at` names this meeting or one of its matters, where it is published here."""
        return self._reported_by_meeting.get(meeting.id, [])

    def treated_before(self, matter: Matter) -> Matter | None:
        """The earlier matter this one continues (`refers_to`: "Föregående behandling")."""
        return self.follows.get(matter.id)

    def treated_after(self, matter: Matter) -> list[Matter]:
        """The later matters that continue this one ("Fortsatt behandling"), oldest first."""
        return self.followed_by.get(matter.id, [])

    def treatment_label(self, matter: Matter) -> str:
        """How a matter before or after another is named beside it: its decision ('Kommunstyrelsen 12 mars 2024,
        § 64'), and where its meeting is known only from its agenda, that it was on it (never said decided)."""
        return ", ".join(x for x in (self.decision_label(matter), self.meeting_with(matter).on_agenda) if x)

    def proposed_to(self, matter: Matter) -> Committee | None:
        """The body a matter's proposal goes to ('kind: förslag', `to`), where the file names a known one."""
        return self.committees.get(matter.to) if matter.to else None

    def decided_later_label(self, matter: Matter) -> str:
        """'Beslut fattas senare av Kommunfullmäktige (enligt källan)' where the source says another body decides
        later (`decided_later_by`, a known body's name), with its words for when (`decided_later_as_given`), or
        those alone; '' where it says neither (model.decided_later_label)."""
        later = self.committees.get(matter.decided_later_by) if matter.decided_later_by else None
        return decided_later_label(later.name if later else None, matter.decided_later_as_given)

    def case_files_of(self, matter: Matter) -> list[CaseFile]:
        """The case file of each of a matter's case numbers, in the source's order."""
        return [self.case_file(n) for n in matter.case_numbers]

    def decided_by(self, decision: Matter | Meeting | Citation,
                   responsible: Committee | None = None) -> Committee | None:
        """The body that took a decision: a published one's meeting's body; a cited one's, the `responsible` body
        (an agreement's committee) or, before the day it took over, the body whose work it continues (none where it
        continues several: body_on)."""
        if isinstance(decision, Citation):
            return self.body_on(responsible, decision.date) if responsible and decision.date else responsible
        return self.committee_of(decision if isinstance(decision, Meeting) else self.meeting_with(decision))

    def step_decision_label(self, step: AgreementStep) -> str:
        """How pages name a step's decision: as `decision_label`, or 'Kommunstyrelsen, datum anges inte' where the
        source names only the body."""
        if step.decision is None:
            return citations.decision_label(None, step.paragraphs, step.body.name if step.body else None)
        return self.decision_label(step.decision, step.body)

    def decision_label(self, decision: Matter | Meeting | Citation, responsible: Committee | None = None) -> str:
        """'Socialnämnden 23 augusti 2017, §§ 154, 155': how pages and feeds name a decision (citations.py); a
        published meeting's whose source gives no date with the source's words for it, as its page says them
        (Meeting.when): 'Kommunstyrelsen, datum anges inte; enligt källan: i onsdags'."""
        cited, body = self.citation_of(decision), self.decided_by(decision, responsible)
        held = decision if isinstance(decision, Meeting) else None if isinstance(decision, Citation) \
            else self.meeting_with(decision)
        # a decision taken outside a meeting says how: 'Delegationsbeslut, Kulturnämnden 3 mars 2024'
        label = citations.decision_label(cited.date, cited.paragraphs, body.name if body else None, cited.prefix,
                                         body_unstated=held is not None and held.bodiless,
                                         manner=held.manner_label if held is not None else None)
        undated_words = held.date_as_given_label if held is not None and held.undated else ""
        return f"{label}; {undated_words}" if undated_words else label

    def titled_label(self, decision: Matter | Meeting | Citation, responsible: Committee | None = None) -> str:
        """A decision as pages list it: `decision_label`, and a published matter's heading after it
        ('Socialnämnden 11 november 2020, § 167: <title>', Matter.after_decision)."""
        label = self.decision_label(decision, responsible)
        return f"{label}{decision.after_decision}" if isinstance(decision, Matter) else label

    def cited_label(self, cited: CitedBy) -> str:
        """A decision a report or a matter cites (or a decision outside a meeting was reported to), as pages and the
        CSV name it: as `titled_label`, 'Kommunstyrelsen § 68, datum anges inte' where the source gives no date,
        'tidigare beslut …' where it gives neither date nor body; the source's name for it after a colon."""
        record, body, name, paragraphs, day_as_given, body_as_given = cited
        if body_as_given is not None:  # none of ours: the source's words, never a body's page or a published decision
            day = record.date if isinstance(record, Citation) else None
            label = citations.decision_label(day, record.paragraphs if isinstance(record, Citation) else paragraphs,
                                             as_source_says(body_as_given), day_as_given=day_as_given)
        elif record is not None:
            label = self.titled_label(record, body)
        elif body is None and not paragraphs and day_as_given is None:
            label = citations.UNNAMED  # "enligt tidigare beslut": neither date nor body
        else:
            label = citations.decision_label(None, paragraphs, body.name if body else None, day_as_given=day_as_given)
        return f"{label}: {name}" if name else label

    def body_on(self, body: Committee, when: dates.Stated) -> Committee | None:
        """The body that did `body`'s work on `when`: before the day a body took over (`since`), the one it
        continues (for a month, on its last day); None where that is one of several that merged into it (which of
        them is not guessed)."""
        seen, day = {body.id}, dates.last_day(when)
        while body.since and day < body.since and body.continues and body.continues[0] not in seen:
            if len(body.continues) > 1:
                return None
            if body.continues[0] not in self.committees:
                break
            body = self.committees[body.continues[0]]
            seen.add(body.id)
        return body

    def current_body(self, body: Committee) -> Committee:
        """The body doing `body`'s work today: the last of those that continue it (itself when none does)."""
        seen = {body.id}
        while (after := self.continued_by.get(body.id)) is not None and after.id not in seen:
            body = after
            seen.add(body.id)
        return body

    def responsible_for(self, agreement: Agreement) -> Committee | None:
        """The committee responsible for an agreement, where its file names one (`committee`); None where it names
        several (`committees`): which of them took a decision cited without its body is not guessed."""
        return self.committees.get(agreement.committee) if agreement.committee else None

    def bodies_of(self, agreement: Agreement) -> list[Committee]:
        """Every public body the agreement's file names (`committee` or `committees`), in its order."""
        return [self.committees[c] for c in agreement.bodies if c in self.committees]

    def case_file(self, case_number: str | None) -> CaseFile:
        """The records filed under a case number (none for a record without one)."""
        return self.case_files.get(case_number, NO_CASE) if case_number else NO_CASE

    def _link_preceding(self, agreement: Agreement, doc: Document) -> None:
        """Each agreement `preceded_by` names exists (and is not this one); the reverse link is derived here."""
        for j, older in enumerate(agreement.preceded_by):
            if older == agreement.id:
                self.problems.append(Problem(doc.path, doc.line_of(("preceded_by", j)), f"preceded_by.{j}",
                                             "en överenskommelse kan inte föregå sig själv; ta bort den ur "
                                             "'preceded_by'"))
            elif self._check(doc, ("preceded_by", j), older, self.agreements, "överenskommelse"):
                self.preceded.setdefault(older, []).append(agreement)

    # -- typed relations, for pages, feeds and data alike ---------------------------------------

    def partners_of(self, agreement: Agreement) -> list[Partner]:
        """The agreement's counterparties, in the order its file names them."""
        return [self.partners[p] for p in agreement.counterparties]

    def parties_label(self, agreement: Agreement) -> str:
        """The counterparties' names as a sentence lists them: 'A, B och C'; a group as the source describes it."""
        return parties_named([p.name for p in self.partners_of(agreement)], agreement.parties_described)

    def agreement_label(self, agreement: Agreement) -> str:
        """How every list and link names an agreement, the one rule: its title, with the counterparties and the
        period where the title does not name them ('Marköverlåtelseavtal för Norra området – Peab Markutveckling AB
        (period anges inte)'; 'Överenskommelse om IOP med Kvinnojouren Lund 2018–2020' as it is), so that no two
        rows or links of agreements read the same (WCAG 2.4.4). The named partners are looked for in the title where
        there are any, else the group as described; a term the source gives only in words is its label on the page
        ('– Urban Futures, två år (enligt källan)')."""
        title, period = agreement.title, agreement.period_label
        named = normalised_name(title)
        parties = [p.name for p in self.partners_of(agreement)] or [agreement.parties_described or ""]
        with_parties = title if all(normalised_name(p) in named for p in parties) else (
            f"{title} – {self.parties_label(agreement)}")
        if agreement.term is None and agreement.term_as_given:
            return f"{with_parties}, {agreement.term_label}"
        return with_parties if names_period(title, period) else f"{with_parties} ({period})"

    def committee_of(self, record: Meeting | Sitting) -> Committee | None:
        """The body that held a meeting; None where its source names none (`Meeting.bodiless`)."""
        return record.committee if isinstance(record, Sitting) else self.body_of(record)

    def body_name_of(self, meeting: Meeting) -> str:
        """How lists, feeds and a decision's label name who held a meeting: its body's name, or 'Organ anges inte
        (enligt källan: Nyköpings kommun)' where the source names no body."""
        body = self.body_of(meeting)
        return body.name if body else meeting.body_label

    def bodiless_meetings(self) -> list[Meeting]:
        """The meetings whose source names no body, in list order: listed apart, in no body's list."""
        return [m for m in self.meetings if m.bodiless and not m.outside]

    def body_of(self, meeting: Meeting) -> Committee | None:
        """The meeting's body where its file names a known one; None where the source names none."""
        return self.committees.get(meeting.committee) if meeting.committee is not None else None

    def paper_date(self, agreement: Agreement) -> dates.Given | None:
        """The date an agreement is filed by, as precise as the source: its own date, else its signing date (either
        may be a month, a year or a season), else the adopting meeting's (published here, or as `adopted_by` or
        `cited_steps` cite it; only its month where the meeting's day is not known)."""
        if agreement.date or agreement.signed_on:
            return agreement.date or agreement.signed_on
        adopting = self.adopting_step(agreement)
        return adopting.date if adopting else None

    def agreement_day(self, agreement: Agreement) -> dt.date | None:
        """Where 'latest' lists place an agreement: the first day of its term, else the first day its own date,
        signing or adopting decision can mean (paper_date); None where the sources give none of them."""
        if agreement.term is not None and agreement.term.first_day is not None:
            return agreement.term.first_day
        day = self.paper_date(agreement)
        return dates.first_day(day) if day else None

    def meeting_with(self, matter: Matter) -> Meeting:
        """The meeting at which a matter was decided."""
        return self.meeting_of[matter.id]

    def agreements_of(self, partner: Partner) -> list[Agreement]:
        """The partner's agreements, newest first."""
        return self.agreements_of_partner.get(partner.id, [])

    def matters_about(self, record: Partner | Agreement) -> list[Matter]:
        """The published matters that concern a partner or an agreement, newest first for a partner."""
        index = self.matters_about_partner if isinstance(record, Partner) else self.matters_about_agreement
        return index.get(record.id, [])

    def steps_of(self, agreement: Agreement) -> list[AgreementStep]:
        """The agreement's steps: the dated ones in order (by date, a step after the one it refers to), then those
        whose date the source does not give, in the file's order, which is no order (see steps_apart)."""
        return self.steps_by_agreement.get(agreement.id, [])

    def announced_of(self, agreement: Agreement) -> list[AgreementStep]:
        """The decisions the sources announce and that are not yet taken, in the file's order: shown apart from the
        steps (AgreementStep.announced_label), never read by the term, the status or OParl's Consultations."""
        return self.announced_by_agreement.get(agreement.id, [])

    def steps_apart(self, agreement: Agreement) -> tuple[list[AgreementStep], list[AgreementStep]]:
        """The dated steps in order, and apart those whose decision the source does not date: the one rule of where a
        step stands, for the page's "Beslutsgång" (an ordered list, then UNDATED_STEPS unordered), the CSV cell and
        the data's `in_order`. An undated step is never put after the dated ones as if it came later."""
        steps = self.steps_of(agreement)
        return [s for s in steps if s.in_order], [s for s in steps if not s.in_order]

    def actions_of(self, agreement: Agreement, decision: Matter | Meeting | Citation) -> list[StepAction]:
        """The actions of the steps a decision takes with the agreement, each once, in order: what the JSON's
        `decisions[].role` and `steps[].role` and OParl's Consultation role all read (each in its own words)."""
        return list(dict.fromkeys(s.action for s in self.steps_of(agreement) if s.decision is decision))

    def step_actions(self, step: AgreementStep) -> list[StepAction]:
        """The actions of every step the step's decision takes with its agreement; a decision named by its body
        alone (no date, None) is no one decision: the step's own action."""
        return [step.action] if step.decision is None else self.actions_of(step.agreement, step.decision)

    def listed_under(self, agreement: Agreement) -> tuple[int, ListedBy] | None:
        """The year an agreement is listed under and why (_listed_under)."""
        return _listed_under(agreement, self)

    def role_of(self, agreement: Agreement, decision: Matter | Meeting | Citation) -> str:
        """What a decision did with the agreement, as the data name it: the action of each step it takes in
        `steps_of` ('ändrar'; 'föreslår och uppdrag att teckna' for two), or 'gäller' where it takes none (a
        follow-up)."""
        return role(self.actions_of(agreement, decision))

    def other_matters_about(self, agreement: Agreement) -> list[Matter]:
        """The published matters that concern the agreement without taking a step with it (a follow-up, a report)."""
        stepping = {id(s.decision) for s in self.steps_of(agreement)}
        return [m for m in self.matters_about(agreement) if id(m) not in stepping]

    def steps_in(self, matter: Matter) -> list[AgreementStep]:
        """The steps a matter's decision takes, as its file lists them."""
        return self.steps_by_matter.get(matter.id, [])

    def term_of(self, agreement: Agreement) -> Term | None:
        """The term as the decisions leave it: the agreement's, with the end the latest extension or termination
        states (_latest); a decision that states none, or sets a condition (never taken as met), changes nothing, nor
        does a proposal (its proposed end is `proposed_end`, never `end`)."""
        term = agreement.term
        ending = self._latest(self.steps_of(agreement),
                              lambda s: s.action.states_end and s.end is not None and s.condition is None)
        if term is None or ending is None:
            return term
        return term.model_copy(update={"end": ending.end})

    @staticmethod
    def _latest(steps: list[AgreementStep], which: Callable[[AgreementStep], bool]) -> AgreementStep | None:
        """The latest of the steps `which` holds for: the last dated one; an undated one (which has no place in
        time) only where no dated one is, so that it never overrides what a dated decision states."""
        dated, undated = [s for s in steps if s.in_order], [s for s in steps if not s.in_order]
        return next((s for s in reversed(dated) if which(s)), None) or next(
            (s for s in reversed(undated) if which(s)), None)

    def status_of(self, agreement: Agreement, day: dt.date) -> dates.Status:
        """Where the agreement stands on `day`, the one rule: only proposed (a proposal to amend, extend or terminate
        is no proposal of the agreement), or mandated and not signed, or a draft the source says is not entered (an
        adoption or joining counts alike), or known only from agenda items with no decision nor signing stated
        (whether it was entered is not stated: its term says nothing); terminated without a stated last day;
        extended without a stated new end after its term; adopted on a condition no later step is stated to meet,
        until its term has passed (a condition on an extension or termination counts as unmet: that step changes
        nothing); undated steps only where no dated one decides (_latest); else by its term (as the decisions leave
        it), or 'Period anges inte'."""
        steps = self.steps_of(agreement)
        actions = {s.action for s in steps if not s.proposes_other}
        terminated = self._latest(steps, lambda s: s.action is StepAction.TERMINATE and s.condition is None)
        if terminated is not None and terminated.end is None:
            return dates.Status.TERMINATED
        if not any(a.adopts for a in actions) and not agreement.signing_stated and terminated is None:
            if StepAction.MANDATE in actions:
                return dates.Status.NOT_SIGNED
            if StepAction.AUTHORISE in actions:
                return dates.Status.NOT_APPROVED
            if StepAction.PROPOSE in actions:
                return dates.Status.PROPOSED
            if agreement.stage is Stage.DRAFT:
                return dates.Status.DRAFT
            if not steps and self._on_agendas_only(agreement):
                return dates.Status.ENTERED_UNSTATED
        term = self.term_of(agreement)
        status = term.status_on(day) if term is not None else dates.Status.UNSTATED
        if status is not dates.Status.ENDED and self._conditional(steps):
            return dates.Status.CONDITIONAL
        last = self._latest(steps, lambda s: s.action.states_end and s.condition is None)
        if status is dates.Status.ENDED and last is not None and last.action is StepAction.EXTEND and last.end is None:
            return dates.Status.EXTENDED
        return status

    def _on_agendas_only(self, agreement: Agreement) -> bool:
        """Whether every published matter about the agreement is an item of a meeting whose source states no decision
        (a kallelse, a webcast), and one is: then nothing says it was ever entered."""
        about = self.matters_about(agreement)
        return bool(about) and all(self.meeting_with(m).decisions_unstated for m in about)

    def _conditional(self, steps: list[AgreementStep]) -> bool:
        """Whether the latest adoption sets a condition (a later one without a condition adopts it outright). No
        field states a condition met (a source says so, if at all, in a decision about something else, such as the
        funding): the status says so until the term has passed."""
        adopting = self._latest(steps, lambda s: s.action.adopts)
        return adopting is not None and adopting.condition is not None

    def in_force_on(self, agreement: Agreement, day: dt.date) -> bool:
        return self.status_of(agreement, day) is dates.Status.IN_FORCE

    def agreements_in(self, matter: Matter) -> list[Agreement]:
        """Every agreement a matter takes a step with (`adopts`, `steps`) or concerns (`agreements`), each once, those
        of its steps first: what its OParl consultations and its data's `agreements` list."""
        ids = dict.fromkeys([*(s.agreement.id for s in self.steps_in(matter)), *matter.agreements])
        return [self.agreements[x] for x in ids]

    def concerned_in(self, matter: Matter) -> list[Agreement]:
        """The agreements a matter concerns without adopting them."""
        return [self.agreements[x] for x in matter.agreements]

    def partners_in(self, matter: Matter) -> list[Partner]:
        """The partners a matter names as concerned."""
        return [self.partners[x] for x in matter.concerns]

    def is_party(self, partner: Partner) -> bool:
        """Whether the organisation is a party to an agreement here; one that decisions only concern (a grant's
        recipient, a company an anmälan names) is no party to anything: pages say 'Berör', OParl 'Berörd
        organisation'."""
        return bool(self.agreements_of(partner))

    def concerned_label(self, partner: Partner) -> str:
        """What a matter's facts call an organisation it concerns: 'Partner' for a party to an agreement here, else
        'Berör' (`is_party`), never a partnership the source does not state."""
        return "Partner" if self.is_party(partner) else "Berör"

    def in_list_order(self, agreement: Agreement) -> tuple[str, dt.date]:
        """The order lists of agreements follow: by partner name, then oldest first."""
        return self.parties_label(agreement), agreement.sort_day

    def meetings_of(self, body: Committee) -> list[Meeting]:
        """The body's published meetings, newest first (those the source gives no date after them)."""
        return self.meetings_by_body.get(body.id, [])

    @cached_property
    def dated_meetings(self) -> list[Meeting]:
        """The meetings with a date, newest first: the ones lists by date ('latest', years, the calendar) hold."""
        return [m for m in self.meetings if not m.undated and not m.outside]

    @cached_property
    def outside_decisions(self) -> list[Meeting]:
        """The decisions taken outside a meeting (`Meeting.outside`), newest first, the undated last: listed apart,
        as decisions, never as meetings."""
        return [m for m in self.meetings if m.outside]

    def outside_of(self, body: Committee) -> list[Meeting]:
        """One body's decisions taken outside a meeting, newest first (its page's 'Beslut utanför sammanträden')."""
        return [m for m in self.outside_decisions if body.id in m.bodies]

    def outside_in(self, year: int) -> list[Meeting]:
        """The decisions taken outside a meeting in a year (of any body, or none), newest first."""
        return [m for m in self.outside_decisions if m.date is not None and m.date.year == year]

    def dated_meetings_of(self, body: Committee) -> list[Meeting]:
        """One body's meetings with a date, newest first (`dated_meetings`): its page's latest and years."""
        return [m for m in self.meetings_of(body) if not m.undated]

    def undated_meetings(self, body: Committee | None = None) -> list[Meeting]:
        """The meetings whose source gives no date (of one body, or all), by id: listed apart, never by a date."""
        return [m for m in self.meetings if m.undated and not m.bodiless and not m.outside
                and (body is None or body.id in m.bodies)]

    @cached_property
    def meetings_by_body(self) -> dict[str, list[Meeting]]:
        by_body: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings:
            # a meeting whose source names no body is in no body's list; a decision outside a meeting in none; a
            # joint one in each of its bodies' (`Meeting.bodies`)
            if not meeting.outside:
                for body_id in meeting.bodies:
                    by_body[body_id].append(meeting)
        return dict(by_body)

    def with_bodies_of(self, meeting: Meeting) -> list[Committee]:
        """The other bodies that decided together with the meeting's own (`with_bodies`), in the file's order."""
        return [self.committees[c] for c in meeting.with_bodies if c in self.committees]

    def agreements_under(self, body: Committee) -> list[Agreement]:
        """The agreements the body is responsible for, alone or with others (`committees`), in list order."""
        return sorted((a for a in self.agreements.values() if body.id in a.bodies), key=self.in_list_order)

    def continued_from(self, body: Committee) -> list[Committee]:
        """The bodies whose work this one continues, in its file's order."""
        return [self.committees[x] for x in body.continues if x in self.committees]

    def parent_of(self, body: Committee) -> Committee | None:
        """The body this one is part of (`part_of`)."""
        return self.committees.get(body.part_of) if body.part_of else None

    def parts_of(self, body: Committee) -> list[Committee]:
        """The bodies that are part of this one, by name."""
        return self.parts.get(body.id, [])

    def continued_as(self, body: Committee) -> Committee | None:
        """The body that continues this one's work."""
        return self.continued_by.get(body.id)

    def predecessor(self, agreement: Agreement) -> Agreement | None:
        """The older agreement this one renews."""
        return self.agreements.get(agreement.renews) if agreement.renews else None

    def successor(self, agreement: Agreement) -> Agreement | None:
        """The newer agreement that renews this one."""
        return self.renewed_by.get(agreement.id)

    def preceding(self, agreement: Agreement) -> list[Agreement]:
        """The other agreements the source says preceded this one (`preceded_by`), in the file's order."""
        return [self.agreements[x] for x in agreement.preceded_by if x in self.agreements]

    def following(self, agreement: Agreement) -> list[Agreement]:
        """The agreements whose `preceded_by` names this one, in list order."""
        return sorted(self.preceded.get(agreement.id, []), key=self.in_list_order)

    def changes(self, agreement: Agreement) -> Comparison | None:
        """What changed in a renewal compared with the agreement it renews (None: it renews none)."""
        older = self.predecessor(agreement)
        return renewal.compare(older, agreement, self.partners) if older else None


CONCERNS = "gäller"
"""The role of a decision about an agreement that takes no step with it (a follow-up, a report)."""


def role(actions: list[StepAction]) -> str:
    """A decision's role in the data, the one rule: its actions ('föreslår och uppdrag att teckna'), or 'gäller'
    where it takes no step (a follow-up)."""
    return " och ".join(a.value for a in actions) or CONCERNS


YEARS_DASH = re.compile(r"(?<=\d)\s*[-\u2010-\u2015\u2212]\s*(?=\d)")
"""A dash between two numbers as titles write it: a hyphen, an en dash or another, with or without spaces."""


def names_period(title: str, period: str) -> bool:
    """Whether a title already names the period a list would add after it ('2021–2023'), with whatever dash it writes
    ('IOP 2021-2023', '2021 – 2023'): the list then does not say it again."""
    return YEARS_DASH.sub("–", period) in YEARS_DASH.sub("–", title)



class ListedBy(StrEnum):
    """Which of an agreement's dates places it under a year of the agreements' year pages, as the heading of its
    section there says it: the one rule of those pages."""

    START = "Perioden börjar {year}"
    END = "Perioden slutar {year}, start anges inte"
    """The term states only its end: listed by it, never as if it began that year."""
    DATE = "Period anges inte, daterad {year}"
    """No term: its own date."""
    SIGNED = "Period anges inte, undertecknad {year}"
    """No term nor date of its own: its signing date, said to be that (a signing is no dating)."""
    ADOPTED = "Period anges inte, antagen {year}"
    """No term nor date of its own: the date of the decision that adopted it (published, or as `adopted_by` or
    `cited_steps` cite it), said to be that, never the agreement's own."""

    def heading(self, year: int) -> str:
        return self.value.format(year=year)


def _listed_under(agreement: Agreement, archive: Archive) -> tuple[int, ListedBy] | None:
    """The year an agreement is listed under and why, the one rule of the year pages and the search filter 'År': its
    term's start, else (only the end stated) its end, else (no term) its own date, its signing date or its adopting
    decision's; None without any of them."""
    term = agreement.term
    if term is not None and term.first_day is not None:
        return term.first_day.year, ListedBy.START
    if term is not None and term.last_day is not None:
        return term.last_day.year, ListedBy.END
    if term is not None:
        return None
    if agreement.date:
        return dates.first_day(agreement.date).year, ListedBy.DATE
    if agreement.signed_on:
        return dates.first_day(agreement.signed_on).year, ListedBy.SIGNED
    adopting = archive.adopting_step(agreement)
    return (dates.first_day(adopting.date).year, ListedBy.ADOPTED) if adopting and adopting.date else None


def _counterparty_fields(agreement: Agreement) -> list[tuple[Loc, str]]:
    """Each counterparty id with the front-matter field it is written in (for messages)."""
    if agreement.partner:
        return [(("partner",), agreement.partner)] if agreement.counterparties else []
    return [(("partners", j), p) for j, p in enumerate(agreement.partners)]


def _body_fields(agreement: Agreement) -> list[tuple[Loc, str]]:
    """Each public body's id with the front-matter field it is written in (for messages)."""
    if agreement.committee:
        return [(("committee",), agreement.committee)]
    return [(("committees", j), c) for j, c in enumerate(agreement.committees)]


def normalised_name(name: str) -> str:
    """A name as a reader tells organisations apart: case, punctuation, spacing and Unicode form
    (composed or not, compatibility forms such as ligatures and full-width letters) do not count."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def _smallest_first(cycle: list[str]) -> list[str]:
    """A cycle from its smallest id, as _cycles gives it."""
    turn = cycle.index(min(cycle))
    return [*cycle[turn:], *cycle[:turn]]


def _cycles(step: dict[str, str]) -> list[list[str]]:
    """Every cycle of a relation naming one other record per record (`renews`, `continues`), in its direction, from
    its smallest id; linear in the records. A record naming itself is reported where it stands, not here."""
    found: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(step):
        path: dict[str, int] = {}
        node = start
        while node in step and node not in done and node not in path:
            path[node] = len(path)
            node = step[node]
        if node in path and len(cycle := list(path)[path[node]:]) > 1:
            found.append(_smallest_first(cycle))
        done.update(path)
    return found
